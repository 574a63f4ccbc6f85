/**
 * Every error `download()` rejects with, each with a stable `code` so callers can branch without
 * parsing messages, and a message that names the URL, the file or the value at fault.
 *
 * `ContentChangedError` is also how the transfer tells `download()` to start over; it reaches the
 * caller only once `maxRestarts` is spent. `RangesIgnored`, at the bottom, never does. Bad arguments throw the built-in `TypeError` or
 * `RangeError`, naming the argument.
 */

import { CodedError, coded } from '@scalable-ts/base';

/** The stable codes of this package's errors, one per class. */
export type NetErrorCode = 'ERR_HTTP_STATUS' | 'ERR_CONNECTION' | 'ERR_IDLE_TIMEOUT'
  | 'ERR_CHECKSUM_MISMATCH' | 'ERR_CONTENT_CHANGED' | 'ERR_PROTOCOL' | 'ABORT_ERR' | 'ERR_RANGES_IGNORED';

/** Base class of the errors this package throws; `instanceof NetError` catches them all. */
export abstract class NetError extends CodedError<NetErrorCode> {}

/**
 * The server answered with a status `download()` cannot use: a 404, a 403, a 5xx after the
 * retries ran out, a redirect loop. Statuses 408, 425, 429, 500, 502, 503 and 504 are retried
 * first (see {@link HttpStatusError.retryable}).
 *
 * @example
 * ```ts
 * try {
 *   await download('http://127.0.0.1:8080/missing', 'out.bin');
 * } catch (error) {
 *   if (error instanceof HttpStatusError && error.status === 404) console.log('no such file');
 * }
 * ```
 */
export class HttpStatusError extends coded(NetError, 'ERR_HTTP_STATUS') {
  /** The URL that answered. */
  readonly url: string;
  /** The HTTP status code. */
  readonly status: number;

  /**
   * @param url - the URL that answered.
   * @param status - the status it answered with.
   * @param detail - what was expected instead, e.g. "expected 206 for bytes=0-99".
   */
  constructor(url: string, status: number, detail = '') {
    super(`${url} answered HTTP ${status}${detail ? ` (${detail})` : ''}`);
    this.url = url;
    this.status = status;
  }

  /** Whether the status is worth retrying: the server is busy or briefly failing. */
  get retryable(): boolean {
    return RETRYABLE_STATUSES.has(this.status);
  }
}

const RETRYABLE_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

/**
 * A connection failed or dropped before the bytes asked for arrived (reset, refused, closed early,
 * idle for longer than `idleTimeoutMs`). Retried per segment; this is what `download()` rejects
 * with when a segment fails `retries + 1` times in a row without progress. `cause` is the socket
 * error.
 */
export class ConnectionError extends coded(NetError, 'ERR_CONNECTION') {
  /** The URL being fetched. */
  readonly url: string;

  /**
   * @param url - the URL being fetched.
   * @param detail - what was being fetched, e.g. "bytes 0-99 after 40 bytes".
   * @param cause - the underlying socket or stream error.
   */
  constructor(url: string, detail: string, cause?: unknown) {
    super(`connection to ${url} failed (${detail}): ${messageOf(cause)}`, { cause });
    this.url = url;
  }
}

/** A connection sat idle for longer than `idleTimeoutMs`; retried like a dropped connection. */
export class IdleTimeoutError extends coded(NetError, 'ERR_IDLE_TIMEOUT') {
  /** The URL being fetched. */
  readonly url: string;
  /** The idle time allowed, in milliseconds. */
  readonly timeoutMs: number;

  /**
   * @param url - the URL being fetched.
   * @param timeoutMs - the idle time allowed.
   */
  constructor(url: string, timeoutMs: number) {
    super(`${url} sent nothing for ${timeoutMs} ms`);
    this.url = url;
    this.timeoutMs = timeoutMs;
  }
}

/**
 * The downloaded bytes do not hash to `expectedSha256`. The `.part` file and its state are
 * deleted (resuming them would only give the same bytes again) and nothing is written under the
 * destination.
 *
 * @example
 * ```ts
 * await download(url, 'data.bin', { expectedSha256: 'ab12…' }).catch((error) => {
 *   if (error instanceof ChecksumMismatchError) console.log(error.expected, error.actual);
 * });
 * ```
 */
export class ChecksumMismatchError extends coded(NetError, 'ERR_CHECKSUM_MISMATCH') {
  /** The destination that was not written. */
  readonly file: string;
  /** The SHA-256 asked for, lowercase hex. */
  readonly expected: string;
  /** The SHA-256 of the bytes received, lowercase hex. */
  readonly actual: string;

  /**
   * @param file - the destination that was not written.
   * @param expected - the SHA-256 asked for.
   * @param actual - the SHA-256 of what arrived.
   */
  constructor(file: string, expected: string, actual: string) {
    super(`SHA-256 of ${file} is ${actual}, expected ${expected}; the download was discarded`);
    this.file = file;
    this.expected = expected;
    this.actual = actual;
  }
}

/**
 * The file on the server kept changing (a new ETag, a new size, a 416 or a 200 to a guarded
 * range request) more than `maxRestarts` times during one `download()`.
 */
export class ContentChangedError extends coded(NetError, 'ERR_CONTENT_CHANGED') {
  /** The URL whose content changed. */
  readonly url: string;

  /**
   * @param url - the URL whose content changed.
   * @param detail - how the change showed, e.g. "ETag changed from "a" to "b"".
   */
  constructor(url: string, detail: string) {
    super(`${url} changed during the download: ${detail}`);
    this.url = url;
  }
}

/**
 * The server broke the protocol in a way a retry cannot fix: a 206 for bytes that were not asked
 * for, more body than announced.
 */
export class HttpProtocolError extends coded(NetError, 'ERR_PROTOCOL') {
  /** The URL that misbehaved. */
  readonly url: string;

  /**
   * @param url - the URL that misbehaved.
   * @param detail - what was wrong.
   */
  constructor(url: string, detail: string) {
    super(`${url}: ${detail}`);
    this.url = url;
  }
}

/**
 * The download was aborted through `options.signal`. The `.part` file and its state are kept, so
 * calling `download()` again resumes. `cause` is `signal.reason`. Named `AbortError` with code
 * `ABORT_ERR`, as Node's own abortable APIs do.
 */
export class AbortError extends coded(NetError, 'ABORT_ERR') {
  /** @param reason - the signal's reason. */
  constructor(reason: unknown) {
    super('the download was aborted; its .part file is kept for resuming', { cause: reason });
  }
}

/**
 * Internal: the server advertised ranges but answered a range request with the whole (unchanged)
 * file. `download()` then starts over as one plain stream, so this never reaches the caller.
 */
export class RangesIgnored extends coded(NetError, 'ERR_RANGES_IGNORED') {
  /** @param url - the URL that ignored the Range header. */
  constructor(url: string) {
    super(`${url} answered a range request with the whole file`);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
