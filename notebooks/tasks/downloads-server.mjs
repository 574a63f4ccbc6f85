// The file server of notebook 09-async-downloads: node:http on 127.0.0.1, port 0, run in a child
// process (`spawnFileServer`) so that its work never competes with the notebook's event loop or
// shows in the notebook's memory figures. The notebook talks to it over the IPC channel.
//
//   GET|HEAD /files/<bytes>.bin   a generated file of that many bytes: Range (206, 416), If-Range,
//                                 ETag, Accept-Ranges. Never stored: byte i of version v is
//                                 BLOCK[(i + (v - 1) * 7919) % BLOCK.length], where BLOCK is
//                                 1 MiB + 4099 bytes from a seeded PRNG (its odd length keeps ranges
//                                 from lining up with the pattern). `setVersion(v)` changes every
//                                 file at once, as a new upload would, and with it the ETag.
//   GET /small/<n>.txt            a small text file after `smallDelayMs`: many of these at once
//                                 show bounded vs unbounded concurrency. Above `capacity` requests
//                                 in flight it answers 503, as a busy service does. 100 ms: long
//                                 enough that 200 requests started at once overlap past `capacity`
//                                 even when a loaded machine starts them slowly (at 25 ms, one run
//                                 in ten beside a busy process never went over it).
//
// Faults for the lessons on interruption, switched with `server.faults = {...}`:
//   throttle: bytes per second per response (a CDN's per-connection limit);
//   dropAt:   a file offset; a response that reaches it is cut there (the socket destroyed), at
//             most `drops` times (default 1).
// `stats` counts what the server did: body bytes sent, requests, and requests in flight.
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { xorshift32 } from '@scalable-ts/test-support';

const BLOCK = makeBlock(1024 * 1024 + 4099, 7);
const WRITE = 64 * 1024;

/** Seeded pseudo-random bytes (xorshift32): the same on every machine. */
function makeBlock(length, seed) {
  const block = Buffer.allocUnsafe(length);
  const next = xorshift32(seed);
  for (let i = 0; i < length; i++) block[i] = next() & 0xff;
  return block;
}

/** The bytes [start, end) of the generated file's `version`, as views of the block (no copies). */
function* slices(start, end, version = 1) {
  const shift = (version - 1) * 7919;
  for (let at = start; at < end; ) {
    const offset = (at + shift) % BLOCK.length;
    const n = Math.min(WRITE, end - at, BLOCK.length - offset);
    yield BLOCK.subarray(offset, offset + n);
    at += n;
  }
}

/** SHA-256 (hex) of the generated file of `size` bytes (of `version`), from the pattern, not a download. */
export function fileSha256(size, version = 1) {
  const hash = createHash('sha256');
  for (const slice of slices(0, size, version)) hash.update(slice);
  return hash.digest('hex');
}

/** Parses `bytes=a-b`, `bytes=a-` or `bytes=-n` against `size`: [start, end) or 'unsatisfiable'. */
function parseRange(header, size) {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header);
  if (match === null || (match[1] === '' && match[2] === '')) return undefined;
  const start = match[1] === '' ? Math.max(0, size - Number(match[2])) : Number(match[1]);
  const end = match[1] !== '' && match[2] !== '' ? Math.min(size, Number(match[2]) + 1) : size;
  return start < end ? [start, end] : 'unsatisfiable';
}

/** Starts the server; resolves once it listens. */
export async function startFileServer({ smallDelayMs = 100, capacity = 32 } = {}) {
  const stats = { bytesSent: 0, requests: 0, inFlight: 0, peakInFlight: 0, rejected: 0 };
  const state = { faults: {}, dropsLeft: 0, version: 1 };

  function serveFile(request, response, size) {
    const etag = state.version === 1 ? `"gen-${size}"` : `"gen-${size}-v${state.version}"`;
    response.setHeader('accept-ranges', 'bytes');
    response.setHeader('etag', etag);
    let [start, end] = [0, size];
    const range = request.headers.range && parseRange(request.headers.range, size);
    const guard = request.headers['if-range'];
    if (range !== undefined && (guard === undefined || guard === etag)) {
      if (range === 'unsatisfiable') return void response.writeHead(416, { 'content-range': `bytes */${size}` }).end();
      [start, end] = range;
      response.statusCode = 206;
      response.setHeader('content-range', `bytes ${start}-${end - 1}/${size}`);
    }
    response.setHeader('content-length', end - start);
    if (request.method === 'HEAD') return void response.end();
    pump(response, start, end);
  }

  function pump(response, start, end) {
    const { throttle, dropAt } = state.faults;
    const version = state.version;
    const began = performance.now();
    let sent = 0;
    let waiting; // a slice held back by the throttle
    const source = slices(start, end, version);
    const take = () => {
      const step = source.next();
      return step.done ? undefined : step.value;
    };
    response.on('error', () => {}); // a client that aborts resets the connection
    const next = () => {
      for (let slice = waiting ?? take(); slice !== undefined; slice = take()) {
        waiting = undefined;
        const at = start + sent;
        if (dropAt !== undefined && state.dropsLeft > 0 && at <= dropAt && dropAt < at + slice.length) {
          state.dropsLeft--;
          const head = slice.subarray(0, dropAt - at);
          stats.bytesSent += head.length;
          return void response.write(head, () => response.destroy());
        }
        // Throttled, a slice leaves when the rate allows its last byte: the body ends at size / rate.
        const wait = throttle ? ((sent + slice.length) / throttle) * 1000 - (performance.now() - began) : 0;
        if (wait > 0) {
          waiting = slice;
          return void setTimeout(next, wait);
        }
        stats.bytesSent += slice.length;
        sent += slice.length;
        if (!response.write(slice)) return void response.once('drain', next);
      }
      response.end();
    };
    next();
  }

  function serveSmall(response, n) {
    if (stats.inFlight >= capacity) {
      stats.rejected++;
      return void response.writeHead(503, { 'retry-after': '1' }).end('busy\n');
    }
    stats.peakInFlight = Math.max(stats.peakInFlight, ++stats.inFlight);
    setTimeout(() => {
      stats.inFlight--;
      response.end(`small file ${n}\n`.repeat(64));
    }, smallDelayMs);
  }

  const server = http.createServer((request, response) => {
    stats.requests++;
    const file = /^\/files\/(\d+)\.bin$/.exec(request.url ?? '');
    const small = /^\/small\/(\d+)\.txt$/.exec(request.url ?? '');
    if (file !== null) serveFile(request, response, Number(file[1]));
    else if (small !== null && request.method === 'GET') serveSmall(response, Number(small[1]));
    else response.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    stats: () => ({ ...stats }),
    resetStats() {
      Object.assign(stats, { bytesSent: 0, requests: 0, peakInFlight: stats.inFlight, rejected: 0 });
    },
    setFaults(faults) {
      state.faults = { ...faults };
      state.dropsLeft = faults.dropAt === undefined ? 0 : (faults.drops ?? 1);
    },
    /** Replaces every file with another version of its content (and ETag). */
    setVersion(version) {
      state.version = version;
    },
    /** Stops listening and closes every connection, keep-alive ones included. */
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * Starts the server in a child process and resolves with a handle to it: `origin`, `fileUrl(size)`,
 * and async `stats()`, `resetStats()`, `setFaults(faults)`, `setVersion(v)` and `close()` (which waits for the
 * child to exit). Options as for `startFileServer`.
 */
export async function spawnFileServer(options = {}) {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', JSON.stringify(options)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = once(child, 'exit');
  const replies = new Map();
  let nextId = 0;
  child.on('message', ({ id, result }) => {
    replies.get(id)?.(result);
    replies.delete(id);
  });
  const ask = (op, argument) =>
    new Promise((resolve) => {
      replies.set(++nextId, resolve);
      child.send({ id: nextId, op, argument });
    });
  const origin = await ask('origin');
  return {
    origin,
    pid: child.pid,
    fileUrl: (size) => `${origin}/files/${size}.bin`,
    stats: () => ask('stats'),
    resetStats: () => ask('resetStats'),
    setFaults: (faults) => ask('setFaults', faults),
    setVersion: (version) => ask('setVersion', version),
    async close() {
      await ask('close');
      child.disconnect();
      const [code] = await exited;
      return code;
    },
  };
}

// The child: serve, and answer the parent's requests until it disconnects.
async function serveChild(options) {
  const server = await startFileServer(options);
  let closing;
  const ops = {
    origin: () => server.origin,
    stats: () => server.stats(),
    resetStats: () => server.resetStats(),
    setFaults: (faults) => server.setFaults(faults),
    setVersion: (version) => server.setVersion(version),
    close: () => (closing ??= server.close()),
  };
  process.on('message', async ({ id, op, argument }) => {
    process.send({ id, result: (await ops[op](argument)) ?? null });
  });
  process.on('disconnect', () => void ops.close());
}

if (process.argv[2] === '--serve' && process.send !== undefined) void serveChild(JSON.parse(process.argv[3] ?? '{}'));
