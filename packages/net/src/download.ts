/**
 * How it works
 *
 *     probe (HEAD) ──► open session ──► transfer pieces ──► hash ──► check ──► rename .part → destination
 *        ▲               │ resume the saved .part if size, URL and ETag/Last-Modified still match
 *        └── restart ◄───┘ when the file changes on the server (new ETag, 416, If-Range → 200)
 *
 * 1. Probe: a HEAD (retried like any request) gives the size, range support and validators.
 * 2. Session: `<destination>.part` is either resumed (its `.part.json` still describes the same
 *    content) or created afresh at full size; the done ranges say what is already there.
 * 3. Transfer: the missing ranges, cut into pieces of at most `chunkSize`, are fetched over
 *    `connections` keep-alive connections, each written at its offset as it arrives; without
 *    range support (or a length), one plain stream. Dropped connections are retried with backoff
 *    from the byte they reached; the state is saved at most once per `saveIntervalMs` (see
 *    part-state.ts for how far it can lag).
 * 4. A change on the server shows as a `ContentChangedError` from any piece: everything stops,
 *    and the download starts over from the probe (at most `maxRestarts` times), never mixing
 *    bytes of two versions. A server that ignores ranges makes it start over as one stream.
 * 5. Finish: the SHA-256 (computed by a worker thread while downloading, see hash.ts) is
 *    compared with `expectedSha256`; only then is the `.part` renamed to the destination,
 *    atomically. On a mismatch the `.part` is deleted. On abort or failure it is kept, with its
 *    state, for resuming.
 */
import { BATCH_BYTES } from './body.js';
import { AbortError, ChecksumMismatchError, ContentChangedError, RangesIgnored } from './errors.js';
import { Agents } from './http.js';
import { resolveSettings, type DownloadOptions, type Settings } from './options.js';
import { loadPartState } from './part-state.js';
import { probe, type Resource } from './probe.js';
import { ProgressMeter } from './progress.js';
import { withRetries, type RetryPolicy } from './retry.js';
import { planPieces, type ByteRange } from './segments.js';
import { Session, type PartPaths } from './session.js';
import { transfer } from './transfer.js';

/** What {@link download} reports once the file is in place. */
export interface DownloadResult {
  /** The path the file was written to. */
  readonly destination: string;
  /** The URL the bytes came from, after redirects. */
  readonly url: string;
  /** The size of the file. */
  readonly bytes: number;
  /** The file's SHA-256, lowercase hex (`undefined` with `sha256: false`). */
  readonly sha256: string | undefined;
  /** Bytes that were already in a `.part` from an earlier run and not fetched again. */
  readonly resumedBytes: number;
  /** Bytes received and written by this call (including any that a restart threw away). */
  readonly transferredBytes: number;
  /** The most connections used at once (1 for a plain stream). */
  readonly connections: number;
  /** Whether the bytes were fetched as ranges (`false`: one plain stream). */
  readonly ranged: boolean;
  /** Requests retried after a dropped connection or a busy answer. */
  readonly retries: number;
  /** Times the download started over because the file changed on the server. */
  readonly restarts: number;
  /** Wall-clock time of the call, in milliseconds. */
  readonly elapsedMs: number;
}

export type { DownloadOptions } from './options.js';

/**
 * Downloads `url` to `destination`: streamed to disk with flat memory, over several connections
 * when the server serves ranges, resumable after a crash or an abort, retried per segment when a
 * connection drops, and renamed into place only once complete (and, with `expectedSha256`,
 * verified). See the options for the knobs and `DownloadResult` for what it reports.
 *
 * Rejects with `HttpStatusError`, `ConnectionError` (retries spent), `ChecksumMismatchError`,
 * `ContentChangedError` (restarts spent), `HttpProtocolError`, a file-system error, or `AbortError`
 * when `options.signal` aborts; in every case except a checksum mismatch, `<destination>.part`
 * and `<destination>.part.json` stay behind so that the same call resumes.
 *
 * @example
 * ```ts
 * import { download, progressBar } from '@scalable-ts/net';
 *
 * const result = await download('https://example.com/big.iso', 'big.iso', {
 *   connections: 4,
 *   expectedSha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
 *   onProgress: progressBar({ label: 'big.iso' }),
 *   signal: AbortSignal.timeout(600_000),
 * });
 * console.log(result.bytes, result.sha256, result.resumedBytes);
 * ```
 */
export async function download(url: string | URL, destination: string, options: DownloadOptions = {}): Promise<DownloadResult> {
  const settings = resolveSettings(url, destination, options);
  const { signal } = settings;
  if (signal.aborted) throw new AbortError(signal.reason);
  const started = performance.now();
  const agents = new Agents(1, settings.ca); // the probe and the plain stream; ranges use their own connections
  const meter = new ProgressMeter(settings.onProgress, settings.progressIntervalMs);
  const paths: PartPaths = { part: `${destination}.part`, state: `${destination}.part.json` };
  const policy: RetryPolicy = { retries: settings.retries, baseDelayMs: settings.retryDelayMs, maxDelayMs: settings.maxRetryDelayMs };
  const request = { agents, idleTimeoutMs: settings.idleTimeoutMs, headers: settings.headers, signal };
  let restarts = 0;
  let plainStream = false;
  let resumedBytes = 0;
  let retries = 0;
  try {
    for (;;) {
      const probed = await withRetries(() => probe(settings.url, request), policy, { signal, onRetry: () => retries++ });
      const resource: Resource = plainStream ? { ...probed, ranges: false } : probed;
      const fresh = restarts > 0 || plainStream;
      const saved = fresh ? undefined : await loadPartState(paths.state);
      const session = await Session.open({
        paths,
        href: settings.url.href,
        resource,
        saved,
        meter,
        saveIntervalMs: settings.saveIntervalMs,
        hash: settings.sha256,
      });
      resumedBytes = fresh ? 0 : session.resumed;
      const pieces: ByteRange[] = resource.ranges
        ? planPieces(session.done.missing(resource.size ?? 0), settings)
        : [[0, resource.size ?? Infinity]];
      try {
        const size = await transfer(session, pieces, {
          ...request,
          connections: settings.connections,
          policy,
          batchBytes: BATCH_BYTES,
          ca: settings.ca,
        });
        const sha256 = await finish(session, size, paths, settings);
        meter.finish();
        return {
          destination,
          url: resource.url.href,
          bytes: size,
          sha256,
          resumedBytes,
          transferredBytes: meter.transferred,
          connections: Math.min(resource.ranges ? settings.connections : 1, pieces.length),
          ranged: resource.ranges,
          retries: retries + session.retries,
          restarts,
          elapsedMs: performance.now() - started,
        };
      } catch (error) {
        retries += session.retries;
        if (error instanceof ChecksumMismatchError) throw error; // finish() already discarded the .part
        await session.suspend().catch(() => {}); // the error that stopped the transfer is the one to report
        if (error instanceof RangesIgnored) plainStream = true; // happens once: never counted as a restart
        else if (error instanceof ContentChangedError && restarts < settings.maxRestarts && !signal.aborted) restarts++;
        else throw error;
      }
    }
  } catch (error) {
    throw signal.aborted ? new AbortError(signal.reason) : error;
  } finally {
    agents.destroy();
  }
}

/** Hashes, checks and renames; deletes the `.part` on a checksum mismatch. */
async function finish(session: Session, size: number, paths: PartPaths, settings: Settings): Promise<string | undefined> {
  const sha256 = await session.digest(size);
  if (settings.expectedSha256 !== undefined && sha256 !== settings.expectedSha256) {
    await session.discard(paths);
    throw new ChecksumMismatchError(settings.destination, settings.expectedSha256, sha256 ?? '');
  }
  await session.complete(paths, settings.destination, size);
  return sha256;
}
