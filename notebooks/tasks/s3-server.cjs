// The servers of notebook 10-cloud-sdk-async.
//
// startS3rver({ directory, latencyMs }): s3rver (a fake S3 in Node.js) in a child process, on
//   127.0.0.1 and a port the OS picks, holding every request for `latencyMs` before s3rver handles
//   it (loopback would otherwise leave almost no waiting to overlap). Its objects live in
//   `directory`; its log is off. The child exits when its stdin closes: `close()` closes it, and if
//   the notebook dies first the OS closes it, so s3rver never outlives the notebook. The child runs
//   with --openssl-legacy-provider: s3rver encrypts its listing continuation tokens with DES, which
//   OpenSSL 3 (Node.js 17 and later) turns off by default; without the flag the second page of a
//   listing fails with a 500.
//
// startTroublemaker(): an in-process node:http server for the retry lessons. Under /flaky/ it
//   answers each key with a 500 twice, then with the object; under /slow/ it never answers.
'use strict';
const { spawn } = require('node:child_process');
const http = require('node:http');

/** @returns {Promise<{ port: number, close(): Promise<number | null> }>} */
function startS3rver({ directory, latencyMs = 20 }) {
  const args = ['--openssl-legacy-provider', __filename, '--serve', directory, String(latencyMs)];
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let printed = '';
    child.stdout.on('data', (chunk) => {
      const match = /listening on 127\.0\.0\.1:(\d+)/.exec((printed += chunk));
      if (match) resolve({ port: Number(match[1]), close: () => (child.stdin.end(), exited) });
    });
    child.stderr.on('data', (chunk) => (printed += chunk));
    child.once('exit', (code) => reject(new Error(`s3rver exited with code ${code}: ${printed}`)));
  });
}

/** The child: s3rver behind a delay, until stdin closes. */
function serve(directory, latencyMs) {
  const S3rver = require('s3rver');
  const s3rver = new S3rver({ directory, silent: true, configureBuckets: [{ name: 'workshop' }] });
  const handle = s3rver.callback();
  process.stdin.on('end', () => process.exit(0)).resume();
  s3rver.configureBuckets().then(() => {
    const server = http.createServer((request, response) => setTimeout(handle, latencyMs, request, response));
    server.listen(0, '127.0.0.1', () => console.log(`listening on 127.0.0.1:${server.address().port}`));
  });
}

/** @returns {Promise<{ port: number, close(): Promise<void> }>} */
async function startTroublemaker() {
  const attemptsSeen = new Map();
  const server = http.createServer((request, response) => {
    const key = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (!key.startsWith('/flaky/')) return; // under /slow/: never answer
    const attempt = (attemptsSeen.get(key) ?? 0) + 1;
    attemptsSeen.set(key, attempt);
    if (attempt <= 2) {
      response.writeHead(500, { 'content-type': 'application/xml' });
      response.end('<Error><Code>InternalError</Code><Message>Try again</Message></Error>');
    } else {
      response.writeHead(200, { 'content-type': 'text/plain' }).end(`answered on attempt ${attempt}`);
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

module.exports = { startS3rver, startTroublemaker };

if (require.main === module && process.argv[2] === '--serve') serve(process.argv[3], Number(process.argv[4]));
