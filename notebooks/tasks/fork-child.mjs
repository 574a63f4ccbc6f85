// The child of notebook 07's fork() examples: answers each message over the IPC channel.
// It exits by itself once the parent disconnects (nothing else keeps it alive).
process.on('message', (message, handle) => {
  if (message.type === 'square') process.send({ type: 'squared', value: message.value ** 2, pid: process.pid });
  else if (message.type === 'ping') process.send({ type: 'pong', n: message.n });
  else if (message.type === 'rss') process.send({ type: 'rss', rss: process.memoryUsage().rss });
  else if (message.type === 'socket') handle.end(`answered by process ${process.pid}\n`); // a passed socket
});
