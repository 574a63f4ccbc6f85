// The cluster of notebook 07-processes: run it with `node cluster-demo.cjs`.
// The primary forks two workers; each listens on port 0, and the primary gives both the same
// port. When both listen, the primary sends six requests, each on a new connection, prints
// whether the two workers share one port and how many of them answered, and stops them.
const cluster = require('node:cluster');
const http = require('node:http');

if (cluster.isPrimary) {
  for (let i = 0; i < 2; i++) cluster.fork();
  const ports = [];
  cluster.on('listening', async (_worker, address) => {
    if (ports.push(address.port) < 2) return;
    const pids = [];
    for (let i = 0; i < 6; i++) {
      const response = await fetch(`http://127.0.0.1:${ports[0]}/`);
      pids.push(await response.text());
    }
    const servedBy = new Set(pids).size;
    console.log(JSON.stringify({ onePort: ports[0] === ports[1], requests: pids.length, servedBy }));
    for (const worker of Object.values(cluster.workers)) worker.kill();
  });
} else {
  http
    .createServer((_request, response) => {
      response.setHeader('connection', 'close'); // a new connection for every request
      response.end(String(process.pid));
    })
    .listen(0, '127.0.0.1');
}
