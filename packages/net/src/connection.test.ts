// The ranged fast path: a raw HTTP/1.1 client reading into two fixed buffers. Tested against
// hand-written servers (heads split into single bytes, bodies longer than announced, chunked
// 206s, slow disks) and, through download(), against keep-alive edge cases and https.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import net, { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { Connection, type ResponseHead } from './connection.js';
import { download } from './download.js';
import { ConnectionError, IdleTimeoutError, HttpProtocolError } from './errors.js';
import { useFixtures } from './test-support/temp.js';

const fixtures = useFixtures();
const servers: net.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A TCP server that answers every request on a connection with `respond(socket, request)`. */
async function rawServer(respond: (socket: net.Socket, request: string) => void): Promise<URL> {
  const server = net.createServer((socket) => {
    let text = '';
    socket.on('error', () => {});
    socket.on('data', (data) => {
      text += data.toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      if (end < 0) return;
      const request = text.slice(0, end);
      text = text.slice(end + 4);
      respond(socket, request);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/x`);
}

/** Collects a response: its head and the body bytes in order. */
function collector(length = (head: ResponseHead) => Number(head.headers['content-length'])) {
  const chunks: Buffer[] = [];
  let head: ResponseHead | undefined;
  return {
    sink: {
      head: (h: ResponseHead) => ((head = h), length(h)),
      write: async (bytes: Buffer) => void chunks.push(Buffer.from(bytes)), // copy: the buffer is reused
    },
    head: () => head,
    body: () => Buffer.concat(chunks),
  };
}

const options = { batchBytes: 128, idleTimeoutMs: 2000 };
const body = Buffer.from('0123456789'.repeat(30)); // 300 bytes: several 128-byte batches

describe('Connection', () => {
  it('parses a head that arrives a byte at a time, and a body spanning batches', async () => {
    const url = await rawServer(async (socket) => {
      const head = `HTTP/1.1 206 Partial Content\r\nContent-Length: ${body.length}\r\nX-A: 1\r\nX-A: 2\r\n\r\n`;
      const response = Buffer.concat([Buffer.from(head), body]);
      for (let i = 0; i < 120; i++) {
        socket.write(response.subarray(i, i + 1));
        await delay(0);
      }
      socket.write(response.subarray(120));
    });
    const connection = new Connection(url, options);
    const received = collector();
    await connection.get('/x', {}, received.sink, new AbortController().signal);
    connection.close();
    expect(received.head()).toMatchObject({ status: 206, headers: { 'content-length': '300', 'x-a': '1, 2' } });
    expect(received.body().equals(body)).toBe(true);
  });

  it('keeps the connection for the next request, and reconnects after "Connection: close"', async () => {
    let connections = 0;
    const url = await rawServer((socket, request) => {
      if (!(socket as net.Socket & { seen?: boolean }).seen) connections++;
      (socket as net.Socket & { seen?: boolean }).seen = true;
      const close = request.includes('close-me');
      socket.write(`HTTP/1.1 200 OK\r\nContent-Length: 3\r\n${close ? 'Connection: close\r\n' : ''}\r\nabc`);
      if (close) socket.end();
    });
    const connection = new Connection(url, options);
    const signal = new AbortController().signal;
    for (const target of ['/a', '/b', '/close-me', '/c']) {
      const received = collector();
      await connection.get(target, {}, received.sink, signal);
      expect(received.body().toString()).toBe('abc');
    }
    connection.close();
    expect(connections).toBe(2);
  });

  it('refuses bodies longer than announced, chunked bodies and non-HTTP answers', async () => {
    const answers = [
      'HTTP/1.1 206 Partial Content\r\nContent-Length: 2\r\n\r\nabcdef',
      'HTTP/1.1 206 Partial Content\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n',
      'SSH-2.0-OpenSSH\r\n\r\n',
    ];
    for (const answer of answers) {
      const url = await rawServer((socket) => socket.write(answer));
      const connection = new Connection(url, options);
      const received = collector((head) => Number(head.headers['content-length'] ?? 3));
      await expect(connection.get('/x', {}, received.sink, new AbortController().signal)).rejects.toBeInstanceOf(HttpProtocolError);
      connection.close();
    }
  });

  it('writes what arrived before the connection dropped, then rejects with ConnectionError', async () => {
    const url = await rawServer((socket) => {
      socket.write(`HTTP/1.1 206 Partial Content\r\nContent-Length: 300\r\n\r\n`);
      socket.write(body.subarray(0, 100), () => setTimeout(() => socket.destroy(), 20));
    });
    const connection = new Connection(url, options);
    const received = collector();
    const error = await connection.get('/x', {}, received.sink, new AbortController().signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(received.body().equals(body.subarray(0, 100))).toBe(true);
  });

  it('times out a silent server, and stops at once when aborted', async () => {
    const url = await rawServer((socket) => socket.write('HTTP/1.1 206 Partial Content\r\nContent-Length: 300\r\n\r\n0123'));
    const quiet = new Connection(url, { ...options, idleTimeoutMs: 50 });
    const received = collector();
    await expect(quiet.get('/x', {}, received.sink, new AbortController().signal)).rejects.toBeInstanceOf(IdleTimeoutError);
    expect(received.body().toString()).toBe('0123');

    const controller = new AbortController();
    const aborted = new Connection(url, options).get('/x', {}, collector().sink, controller.signal);
    setTimeout(() => controller.abort(new Error('stop')), 20);
    await expect(aborted).rejects.toThrow('stop');
  });

  it('stops reading while both buffers wait for the disk (backpressure reaches the server)', async () => {
    const total = 48 * 1024 * 1024;
    const batch = 256 * 1024;
    let sent = 0;
    let written = 0;
    let maxAhead = 0;
    const url = await rawServer((socket) => {
      socket.write(`HTTP/1.1 206 Partial Content\r\nContent-Length: ${total}\r\n\r\n`);
      const chunk = Buffer.alloc(64 * 1024, 7);
      const pump = (): void => {
        while (sent < total) {
          sent += chunk.length;
          if (!socket.write(chunk)) return void socket.once('drain', pump);
        }
      };
      pump();
    });
    const connection = new Connection(url, { batchBytes: batch, idleTimeoutMs: 5000 });
    await connection.get(
      '/x',
      {},
      {
        head: () => total,
        write: async (bytes) => {
          maxAhead = Math.max(maxAhead, sent - written);
          await delay(1); // a disk slower than loopback
          written += bytes.length;
        },
      },
      new AbortController().signal,
    );
    connection.close();
    expect(written).toBe(total);
    // Two batches, plus what the kernel's socket buffers hold: far less than the body.
    expect(maxAhead).toBeLessThan(total / 2);
  });
});

describe('download() over the fast path', () => {
  it('reuses one connection per worker for all its pieces', async () => {
    const server = await fixtures.server({ size: 600_000, seed: 21 });
    const destination = join(await fixtures.tempDir(), 'out.bin');
    await download(server.url, destination, { connections: 2, chunkSize: 50_000 });
    expect((await readFile(destination)).equals(server.content)).toBe(true);
    expect(server.getConnections).toBe(2);
  });

  it('survives a server that closes idle keep-alive connections, or every one', async () => {
    for (const options of [{ keepAliveTimeoutMs: 1 }, { close: true }]) {
      const server = await fixtures.server({ size: 300_000, seed: 22, ...options });
      const destination = join(await fixtures.tempDir(), 'out.bin');
      const result = await download(server.url, destination, { connections: 1, chunkSize: 20_000, retryDelayMs: 1 });
      expect((await readFile(destination)).equals(server.content)).toBe(true);
      expect(result.retries).toBeLessThan(3);
    }
  });

  it('downloads over https, trusting a private CA certificate', async (context) => {
    const dir = await fixtures.tempDir();
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    try {
      const subject = ['-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'];
      const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'];
      execFileSync('openssl', ['req', '-x509', ...ec, '-nodes', '-keyout', key, '-out', cert, '-days', '2', ...subject], { stdio: 'ignore' });
    } catch {
      context.skip(); // no openssl to make a certificate with
    }
    const tls = { key: await readFile(key, 'utf8'), cert: await readFile(cert, 'utf8') };
    const server = await fixtures.server({ size: 400_000, seed: 23, tls });
    const destination = join(dir, 'out.bin');
    await expect(download(server.url, destination, { retries: 0 })).rejects.toMatchObject({ code: 'ERR_CONNECTION' }); // untrusted
    const result = await download(server.url, destination, { ca: tls.cert, connections: 3, chunkSize: 100_000 });
    expect((await readFile(destination)).equals(server.content)).toBe(true);
    expect(result.ranged).toBe(true);
  });
});
