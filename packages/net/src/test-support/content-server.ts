/**
 * A local HTTP file server for the tests: deterministic content from a seeded PRNG, Range and
 * If-Range support (or not), ETag/Last-Modified, and seeded fault injection (dropped
 * connections mid-body, slow answers, stalls, 503s, a content change after the n-th GET).
 * Every response serves the version that was current when its request arrived, as a real file
 * server keeps serving the file it opened; bytes of two versions never mix within a response.
 */
import { createHash } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { mulberry32 } from '@scalable-ts/test-support';

/** A seeded PRNG (mulberry32): numbers in [0, 1). */
export const prng = mulberry32;

/** `size` deterministic pseudo-random bytes. */
export function generate(size: number, seed: number): Buffer {
  const random = prng(seed);
  const words = new Uint32Array(Math.ceil(size / 4));
  for (let i = 0; i < words.length; i++) words[i] = random() * 4294967296;
  return Buffer.from(words.buffer, 0, size);
}

/** SHA-256 of a buffer, hex. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Probabilities (per GET) of each fault, drawn from a seeded PRNG. */
export interface Faults {
  readonly seed: number;
  /** Send part of the body, then destroy the socket. */
  readonly drop?: number;
  /** Wait 5–30 ms before answering. */
  readonly slow?: number;
  /** Send part of the body, then nothing (until the client's idle timeout). */
  readonly stall?: number;
  /** Answer 503. */
  readonly busy?: number;
}

/** How the server behaves. */
export interface ContentServerOptions {
  readonly size: number;
  readonly seed: number;
  /** `true`: honour Range; `false`: no range support; `'ignore'`: advertise ranges, answer 200. */
  readonly ranges?: boolean | 'ignore';
  /** Send an ETag (default true). */
  readonly etag?: boolean;
  /** Send Last-Modified (default false). */
  readonly lastModified?: boolean;
  /** Answer HEAD (default true); `false` answers 405. */
  readonly head?: boolean;
  /** Evaluate If-Range (default true); `false` serves the range whatever the validator. */
  readonly ifRange?: boolean;
  /** Send Content-Length (default true); `false` streams chunked, without range support. */
  readonly length?: boolean;
  readonly faults?: Faults;
  /** Replace the content (new version, new ETag) when this GET (1-based) arrives. */
  readonly changeAtGet?: number;
  /** The size of the changed content (default: the same). */
  readonly changedSize?: number;
  /** Answer every GET with this status instead (404, …). */
  readonly status?: number;
  /** Send `Connection: close` with every response. */
  readonly close?: boolean;
  /** How long an idle keep-alive connection stays open (Node's default is 5 s). */
  readonly keepAliveTimeoutMs?: number;
  /** Serve https with this key and certificate. */
  readonly tls?: { readonly key: string; readonly cert: string };
}

/** A running content server. */
export interface ContentServer {
  readonly url: string;
  /** The current content. */
  readonly content: Buffer;
  /** Body bytes written to sockets so far. */
  readonly bytesSent: number;
  /** Every request: method, Range header, status. */
  readonly log: { method: string; range: string | undefined; status: number }[];
  /** How many TCP connections carried GETs. */
  readonly getConnections: number;
  /** Switches to a new version of the content (new bytes, new ETag), optionally of another size. */
  change(size?: number): void;
  close(): Promise<void>;
}

/** Starts a content server on 127.0.0.1, port 0. */
export async function startContentServer(options: ContentServerOptions): Promise<ContentServer> {
  const fault = prng(options.faults?.seed ?? 0);
  let version = 0;
  let content = generate(options.size, options.seed);
  let bytesSent = 0;
  let gets = 0;
  const log: ContentServer['log'] = [];
  const modified = (v: number): string => new Date(Date.UTC(2025, 0, 1 + v)).toUTCString();
  const change = (size = content.length): void => {
    version++;
    content = generate(size, options.seed + version * 7919);
  };

  const getSockets = new WeakSet<object>();
  let getConnections = 0;
  const handler = (request: IncomingMessage, response: ServerResponse): void => {
    if (request.method === 'GET' && !getSockets.has(request.socket)) {
      getSockets.add(request.socket);
      getConnections++;
    }
    if (options.close === true) response.setHeader('connection', 'close');
    if (request.method === 'GET' && ++gets === options.changeAtGet) change(options.changedSize);
    const snapshot = { content, etag: `"v${version}-${options.seed}"`, modified: modified(version) };
    const status = answer(request, response, snapshot);
    log.push({ method: request.method ?? '', range: request.headers.range, status });
  };
  const server = options.tls ? https.createServer(options.tls, handler) : http.createServer(handler);
  if (options.keepAliveTimeoutMs !== undefined) server.keepAliveTimeout = options.keepAliveTimeoutMs;

  function answer(request: IncomingMessage, response: ServerResponse, snapshot: { content: Buffer; etag: string; modified: string }): number {
    const body = snapshot.content;
    if (options.etag !== false) response.setHeader('etag', snapshot.etag);
    if (options.lastModified === true) response.setHeader('last-modified', snapshot.modified);
    const ranges = options.ranges ?? true;
    if (ranges !== false && options.length !== false) response.setHeader('accept-ranges', 'bytes');
    if (request.method === 'HEAD') {
      if (options.head === false) return end(response, 405);
      if (options.length !== false) response.setHeader('content-length', body.length);
      return end(response, 200);
    }
    if (options.status !== undefined) return end(response, options.status);
    const faults = options.faults;
    if (faults?.busy !== undefined && fault() < faults.busy) return end(response, 503);

    let start = 0;
    let last = body.length - 1;
    let status = 200;
    const range = request.headers.range;
    const ifRange = request.headers['if-range'];
    const guardHolds = options.ifRange === false || ifRange === undefined || ifRange === snapshot.etag || ifRange === snapshot.modified;
    if (ranges === true && options.length !== false && range !== undefined && guardHolds) {
      const match = /^bytes=(\d*)-(\d*)$/.exec(range);
      if (match !== null) {
        const [, first = '', final = ''] = match;
        start = first === '' ? Math.max(0, body.length - Number(final)) : Number(first);
        last = first === '' || final === '' ? body.length - 1 : Math.min(Number(final), body.length - 1);
        if (start >= body.length || start > last) {
          response.setHeader('content-range', `bytes */${body.length}`);
          return end(response, 416);
        }
        status = 206;
        response.setHeader('content-range', `bytes ${start}-${last}/${body.length}`);
      }
    }
    const slice = body.subarray(start, last + 1);
    if (options.length !== false) response.setHeader('content-length', slice.length);
    let cut: { at: number; how: 'drop' | 'stall' } | undefined;
    if (faults?.drop !== undefined && fault() < faults.drop) cut = { at: Math.floor(fault() * slice.length), how: 'drop' };
    else if (faults?.stall !== undefined && fault() < faults.stall) cut = { at: Math.floor(fault() * slice.length), how: 'stall' };
    const delay = faults?.slow !== undefined && fault() < faults.slow ? 5 + Math.floor(fault() * 25) : 0;
    response.statusCode = status;
    const send = (): void => sendBody(response, slice, cut);
    if (delay > 0) setTimeout(send, delay);
    else send();
    return status;
  }

  function sendBody(response: ServerResponse, slice: Buffer, cut: { at: number; how: 'drop' | 'stall' } | undefined): void {
    const stop = cut?.at ?? slice.length;
    let at = 0;
    const pump = (): void => {
      while (at < stop && !response.destroyed) {
        const piece = slice.subarray(at, Math.min(stop, at + 16 * 1024));
        at += piece.length;
        bytesSent += piece.length;
        if (!response.write(piece)) {
          response.once('drain', pump);
          return;
        }
      }
      if (response.destroyed) return;
      if (cut === undefined) response.end();
      else if (cut.how === 'drop') response.socket?.destroy();
      // a stall sends nothing more; the client's idle timeout ends it, or close() does
    };
    pump();
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}/file.bin?v=1`,
    get content() {
      return content;
    },
    get bytesSent() {
      return bytesSent;
    },
    get getConnections() {
      return getConnections;
    },
    log,
    change,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function end(response: ServerResponse, status: number): number {
  response.statusCode = status;
  response.end();
  return status;
}
