/**
 * The benchmark's file server: a 1 GiB file (or any size) generated on the fly, never stored.
 * Byte i of the file is BLOCK[i mod BLOCK.length], where BLOCK is a few MiB of seeded
 * pseudo-random bytes whose odd length keeps ranges from lining up with the period. Serves HEAD,
 * Range (206, 416), If-Range and an ETag, and counts the body bytes it hands to sockets.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import { xorshift32 } from '@scalable-ts/test-support';

const BLOCK = makeBlock(4 * 1024 * 1024 + 4099, 42);
const WRITE = 256 * 1024;

/** Seeded pseudo-random 32-bit words (xorshift32), the last one overlapping the one before. */
function makeBlock(length, seed) {
  const block = Buffer.allocUnsafe(length);
  const next = xorshift32(seed);
  for (let i = 0; i < length; i += 4) block.writeUInt32LE(next(), Math.min(i, length - 4));
  return block;
}

/** Calls `visit` with the bytes [start, end) of the file, as slices of the block. */
function slices(start, end, visit) {
  for (let at = start; at < end; ) {
    const offset = at % BLOCK.length;
    const n = Math.min(WRITE, end - at, BLOCK.length - offset);
    if (visit(BLOCK.subarray(offset, offset + n)) === false) return at + n;
    at += n;
  }
  return end;
}

/** SHA-256 of the whole generated file. */
export function fileSha256(size) {
  const hash = createHash('sha256');
  slices(0, size, (slice) => void hash.update(slice));
  return hash.digest('hex');
}

/** Starts the server on 127.0.0.1, port 0. */
export async function startFileServer(size) {
  const etag = `"bench-${size}"`;
  const counter = { sent: 0 };
  const server = http.createServer((request, response) => {
    response.setHeader('accept-ranges', 'bytes');
    response.setHeader('etag', etag);
    let start = 0;
    let end = size;
    const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
    const guard = request.headers['if-range'];
    if (range && (guard === undefined || guard === etag)) {
      start = Number(range[1]);
      end = range[2] === '' ? size : Math.min(size, Number(range[2]) + 1);
      if (start >= end) {
        response.writeHead(416, { 'content-range': `bytes */${size}` }).end();
        return;
      }
      response.statusCode = 206;
      response.setHeader('content-range', `bytes ${start}-${end - 1}/${size}`);
    }
    response.setHeader('content-length', end - start);
    if (request.method === 'HEAD') return void response.end();
    response.on('error', () => {}); // a killed client resets the connection
    let at = start;
    const pump = () => {
      at = slices(at, end, (slice) => {
        counter.sent += slice.length;
        return response.write(slice);
      });
      if (at < end) response.once('drain', pump);
      else response.end();
    };
    pump();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/file.bin`,
    counter,
    close: () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      }),
  };
}
