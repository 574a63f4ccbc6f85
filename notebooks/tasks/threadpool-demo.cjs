// Notebook 06-threads: `UV_THREADPOOL_SIZE=n node threadpool-demo.cjs`.
// Four slow pbkdf2 calls, then one fs.stat, all on libuv's thread pool. At exit it prints the
// order they finished in and how many OS threads the process has, from Linux's /proc (`null`
// where there is no /proc, as on macOS and Windows).
const crypto = require('node:crypto');
const fs = require('node:fs');

const finished = [];
for (let i = 0; i < 4; i++) crypto.pbkdf2('pw', 'salt', 200_000, 32, 'sha256', () => finished.push('pbkdf2'));
fs.stat(process.execPath, () => finished.push('fs.stat'));
process.on('exit', () => {
  const threads = fs.existsSync('/proc/self/task') ? fs.readdirSync('/proc/self/task').length : null;
  console.log(JSON.stringify({ finished, threads }));
});
