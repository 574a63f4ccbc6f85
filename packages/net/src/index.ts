/**
 * `@scalable-ts/net`: resumable, parallel, checksummed HTTP downloads that stream to disk with
 * flat memory, and a terminal progress bar to watch them.
 *
 * @example
 * ```ts
 * import { download, progressBar } from '@scalable-ts/net';
 *
 * const { bytes, sha256 } = await download('http://127.0.0.1:8080/big.bin', 'big.bin', {
 *   connections: 4,
 *   onProgress: progressBar(),
 * });
 * ```
 */
export { download, type DownloadOptions, type DownloadResult } from './download.js';
export { progressBar, formatProgress, formatBytes, type ProgressBarOptions } from './progress-bar.js';
export type { ProgressEvent, ProgressListener } from './progress.js';
export { loadPartState, type PartState } from './part-state.js';
export type { ByteRange } from './segments.js';
export {
  NetError,
  type NetErrorCode,
  HttpStatusError,
  ConnectionError,
  IdleTimeoutError,
  ChecksumMismatchError,
  ContentChangedError,
  HttpProtocolError,
  AbortError,
} from './errors.js';
