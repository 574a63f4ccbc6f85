// Notebook 06-threads: `node daemon-demo.cjs normal|daemon <threads.mjs>`.
// A pool that is never closed runs one task; then a 200 ms timer and a worker that prints after
// 400 ms (tasks/daemon-worker.cjs) are started, unref'd in "daemon" mode. What the process
// prints shows what it waited for.
const { Timer, WorkerPool } = require('@scalable-ts/concurrency');
const { Worker } = require('node:worker_threads');
const path = require('node:path');

const daemon = process.argv[2] === 'daemon';
const pool = new WorkerPool({ filename: process.argv[3], size: 1 }); // never closed
pool.run('add', [1, 2]).then((sum) => {
  console.log('pool answered', sum); // the pool is idle from here on
  new Timer(200, () => console.log('timer fired'), { unref: daemon }).start();
  const worker = new Worker(path.join(__dirname, 'daemon-worker.cjs'));
  if (daemon) worker.unref();
  console.log('main code done');
});
