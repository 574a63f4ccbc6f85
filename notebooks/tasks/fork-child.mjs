// The child of notebook 07's fork() examples: answers each message over the IPC channel.
// It exits by itself once the parent disconnects (nothing else keeps it alive).
/** The CPU time this process has used so far, all its threads, in ms. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

process.on('message', (message, handle) => {
  if (message.type === 'square') process.send({ type: 'squared', value: message.value ** 2, pid: process.pid });
  else if (message.type === 'ping') process.send({ type: 'pong', n: message.n });
  else if (message.type === 'usage') process.send({ type: 'usage', rss: process.memoryUsage().rss, cpuMs: cpuMs() });
  else if (message.type === 'socket') handle.end(`answered by process ${process.pid}\n`); // a passed socket
});
