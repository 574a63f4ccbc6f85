/**
 * `download()`'s options: the public type with its defaults documented, and their validation
 * (a bad value throws `TypeError` or `RangeError` naming the option) into a complete `Settings`.
 */
import type { ProgressListener } from './progress.js';

/** Options of {@link download}. Every one is optional. */
export interface DownloadOptions {
  /** Connections fetching ranges at once, 1 to 32; 4 by default. 1 still resumes. */
  readonly connections?: number;
  /** The largest range one request asks for, in bytes; 16 MiB by default. */
  readonly chunkSize?: number;
  /** Aborting it stops the download, keeps the `.part` for resuming, and rejects with `AbortError`. */
  readonly signal?: AbortSignal;
  /** Receives progress events, at most one per `progressIntervalMs` and a final one. */
  readonly onProgress?: ProgressListener;
  /** The least time between two progress events, in ms; 100 by default. */
  readonly progressIntervalMs?: number;
  /** The SHA-256 the file must have (hex); on a mismatch nothing is written to the destination. */
  readonly expectedSha256?: string;
  /**
   * Compute the file's SHA-256 while downloading (`result.sha256`); true by default. `false`
   * saves the hashing CPU (about 0.7 s per GiB) when nobody needs the digest; ignored (true) when
   * `expectedSha256` is given.
   */
  readonly sha256?: boolean;
  /** Retries per segment after consecutive failures without progress; 5 by default. */
  readonly retries?: number;
  /** The first retry waits up to this long, doubling each time, in ms; 200 by default. */
  readonly retryDelayMs?: number;
  /** The longest wait between retries, in ms; 10,000 by default. */
  readonly maxRetryDelayMs?: number;
  /** A connection that sends nothing for this long is dropped and retried, in ms; 30,000 by default. */
  readonly idleTimeoutMs?: number;
  /** How often the file may change on the server before giving up with `ContentChangedError`; 3 by default. */
  readonly maxRestarts?: number;
  /**
   * The least time between the starts of two saves of `.part.json`, in ms; 50 by default. A crash
   * loses what the last completed save did not record: up to this interval plus two saves' time.
   */
  readonly saveIntervalMs?: number;
  /** Extra request headers (authorization, user-agent). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Extra trusted CA certificates (PEM) for https, e.g. a private CA's. */
  readonly ca?: string | Buffer | readonly (string | Buffer)[];
}

/** The options with every default filled in. */
export interface Settings {
  readonly url: URL;
  readonly destination: string;
  readonly connections: number;
  readonly chunkSize: number;
  readonly signal: AbortSignal;
  readonly onProgress: ProgressListener | undefined;
  readonly progressIntervalMs: number;
  readonly expectedSha256: string | undefined;
  readonly sha256: boolean;
  readonly retries: number;
  readonly retryDelayMs: number;
  readonly maxRetryDelayMs: number;
  readonly idleTimeoutMs: number;
  readonly maxRestarts: number;
  readonly saveIntervalMs: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly ca: string | Buffer | readonly (string | Buffer)[] | undefined;
}

/** Validates `download()`'s arguments and fills in the defaults. */
export function resolveSettings(url: string | URL, destination: string, options: DownloadOptions): Settings {
  const parsed = parseUrl(url);
  if (typeof destination !== 'string' || destination === '') throw new TypeError(`destination must be a file path, got ${String(destination)}`);
  const { signal, onProgress, expectedSha256, headers } = options;
  if (signal !== undefined && !(signal instanceof AbortSignal)) throw new TypeError('options.signal must be an AbortSignal');
  if (onProgress !== undefined && typeof onProgress !== 'function') throw new TypeError('options.onProgress must be a function');
  if (options.sha256 !== undefined && typeof options.sha256 !== 'boolean') throw new TypeError('options.sha256 must be a boolean');
  if (expectedSha256 !== undefined && !/^[0-9a-f]{64}$/i.test(expectedSha256)) {
    throw new TypeError(`options.expectedSha256 must be 64 hex digits, got ${JSON.stringify(expectedSha256)}`);
  }
  return {
    url: parsed,
    destination,
    connections: integer('connections', options.connections, 4, 1, 32),
    chunkSize: integer('chunkSize', options.chunkSize, 16 * 1024 * 1024, 1, Number.MAX_SAFE_INTEGER),
    signal: signal ?? new AbortController().signal,
    onProgress,
    progressIntervalMs: integer('progressIntervalMs', options.progressIntervalMs, 100, 0, 3_600_000),
    expectedSha256: expectedSha256?.toLowerCase(),
    sha256: expectedSha256 !== undefined || options.sha256 !== false,
    retries: integer('retries', options.retries, 5, 0, 1000),
    retryDelayMs: integer('retryDelayMs', options.retryDelayMs, 200, 0, 3_600_000),
    maxRetryDelayMs: integer('maxRetryDelayMs', options.maxRetryDelayMs, 10_000, 0, 3_600_000),
    idleTimeoutMs: integer('idleTimeoutMs', options.idleTimeoutMs, 30_000, 1, 3_600_000),
    maxRestarts: integer('maxRestarts', options.maxRestarts, 3, 0, 1000),
    saveIntervalMs: integer('saveIntervalMs', options.saveIntervalMs, 50, 0, 3_600_000),
    headers: { ...headers },
    ca: options.ca,
  };
}

function parseUrl(url: string | URL): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`url must be an absolute http(s) URL, got ${JSON.stringify(String(url))}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new TypeError(`url must use http: or https:, got ${JSON.stringify(parsed.href)}`);
  }
  return parsed;
}

function integer(name: string, value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value)) throw new TypeError(`options.${name} must be an integer, got ${String(value)}`);
  if (value < min || value > max) throw new RangeError(`options.${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}
