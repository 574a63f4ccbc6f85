/**
 * Learning what is behind a URL before fetching it: its size, whether the server serves byte
 * ranges, and the validators (ETag, Last-Modified) that say whether a saved `.part` is still a
 * copy of it. A HEAD answers all three; a server that refuses HEAD (405, 501, or 403 for URLs
 * signed for GET only) is asked `GET` with `Range: bytes=0-0` instead, whose 206 proves range
 * support and whose `Content-Range` gives the size.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { HttpStatusError, HttpProtocolError } from './errors.js';
import { send, type SendOptions } from './http.js';

/** What the server says about the file. */
export interface Resource {
  /** The URL after redirects: segments are fetched from here. */
  readonly url: URL;
  /** The size in bytes, `undefined` when the server does not say. */
  readonly size: number | undefined;
  /** Whether the server serves `Range` requests (`Accept-Ranges: bytes`, or a 206). */
  readonly ranges: boolean;
  /** The ETag, if any. */
  readonly etag: string | undefined;
  /** The Last-Modified date, if any. */
  readonly lastModified: string | undefined;
}

/** The request settings a probe shares with the transfer. */
export type ProbeOptions = Omit<SendOptions, 'method'>;

/** Asks the server about `url`: HEAD, or a one-byte ranged GET when HEAD is refused. */
export async function probe(url: URL, options: ProbeOptions): Promise<Resource> {
  const head = await send(url, { ...options, method: 'HEAD' });
  head.response.resume();
  const status = head.response.statusCode ?? 0;
  if (status === 200) return describe(head.url, head.response.headers, head.response.headers['accept-ranges'] === 'bytes');
  if (status !== 403 && status !== 405 && status !== 501) throw new HttpStatusError(head.url.href, status, 'HEAD');
  const get = await send(url, { ...options, method: 'GET', headers: { ...options.headers, range: 'bytes=0-0' } });
  const { response } = get;
  response.destroy(); // one byte at most: not worth keeping the connection for
  return describeRangedAnswer(get.url, response);
}

function describeRangedAnswer(url: URL, response: IncomingMessage): Resource {
  const status = response.statusCode ?? 0;
  if (status === 200) return describe(url, response.headers, false);
  if (status !== 206 && status !== 416) throw new HttpStatusError(url.href, status, 'GET bytes=0-0');
  const range = parseContentRange(response.headers['content-range']);
  if (range?.total === undefined) throw new HttpProtocolError(url.href, `HTTP ${status} without a usable Content-Range`);
  return { ...describe(url, response.headers, true), size: range.total };
}

function describe(url: URL, headers: IncomingHttpHeaders, ranges: boolean): Resource {
  const size = contentLength(headers);
  return { url, size, ranges: ranges && size !== undefined, etag: headers.etag, lastModified: headers['last-modified'] };
}

/** The `Content-Length` header as a number; `undefined` when absent or malformed. */
export function contentLength(headers: HeaderValues): number | undefined {
  const header = single(headers['content-length']);
  return header !== undefined && /^\d+$/.test(header) ? Number(header) : undefined;
}

/** A parsed `Content-Range`: `bytes first-last/total`; `total` undefined for `*`; `first` undefined for `bytes *\/total`. */
export interface ContentRange {
  readonly first: number | undefined;
  readonly last: number | undefined;
  readonly total: number | undefined;
}

/**
 * Parses a `Content-Range` header; `undefined` when absent or malformed.
 *
 * @example
 * ```ts
 * parseContentRange('bytes 0-99/1000'); // { first: 0, last: 99, total: 1000 }
 * parseContentRange('bytes *\/1000');    // { first: undefined, last: undefined, total: 1000 }
 * ```
 */
export function parseContentRange(header: string | undefined): ContentRange | undefined {
  const match = header === undefined ? null : /^bytes\s+(?:(\d+)-(\d+)|\*)\/(\d+|\*)$/.exec(header.trim());
  if (match === null) return undefined;
  const [, first, last, total] = match;
  return {
    first: first === undefined ? undefined : Number(first),
    last: last === undefined ? undefined : Number(last),
    total: total === '*' || total === undefined ? undefined : Number(total),
  };
}

/** The header values a response is checked by: node:http's headers or the fast path's. */
export type HeaderValues = Readonly<Record<string, string | string[] | undefined>>;

/**
 * Says how a response's ETag or Last-Modified differs from the probed ones; `undefined` when
 * they match or the response does not say.
 */
export function describeChange(resource: Resource, headers: HeaderValues): string | undefined {
  const etag = single(headers['etag']);
  if (etag !== undefined && resource.etag !== undefined && etag !== resource.etag) return `ETag changed from ${resource.etag} to ${etag}`;
  const modified = single(headers['last-modified']);
  if (modified !== undefined && resource.lastModified !== undefined && modified !== resource.lastModified) {
    return `Last-Modified changed from ${resource.lastModified} to ${modified}`;
  }
  return undefined;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The `If-Range` value for a resource: its ETag when strong (RFC 9110 forbids weak ones there),
 * else its Last-Modified date, else `undefined` (ranges are then requested unguarded).
 */
export function ifRangeValidator(resource: Resource): string | undefined {
  if (resource.etag !== undefined && !resource.etag.startsWith('W/')) return resource.etag;
  return resource.lastModified;
}
