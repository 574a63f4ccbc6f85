/**
 * A terminal progress bar for scripts: a `ProgressListener` that redraws one line in place
 * (`\r`) on a TTY, and on anything else (a pipe, a log file, a notebook) prints a plain line at
 * each quarter and at the end, so logs stay readable.
 */
import type { ProgressEvent, ProgressListener } from './progress.js';

/** Where and how to draw. */
export interface ProgressBarOptions {
  /** The stream to write to; `process.stderr` by default. */
  readonly stream?: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Text before the bar, e.g. the file name. */
  readonly label?: string;
  /** Width of the bar itself in characters; by default what fits the terminal, 10 to 40. */
  readonly width?: number;
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/**
 * Formats a byte count with a binary unit and one decimal (three significant digits in GiB).
 *
 * @example
 * ```ts
 * formatBytes(1536); // "1.5 KiB"
 * ```
 */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(unit >= 3 ? 2 : 1)} ${UNITS[unit]}`;
}

/**
 * Formats one progress event as a line without a newline.
 *
 * @example
 * ```ts
 * formatProgress({ bytes: 512, total: 1024, transferred: 512, rate: 256, elapsedMs: 2000, done: false }, 10);
 * // "[#####-----]  50.0%  512 B / 1.0 KiB  256 B/s  ETA 2.0s"
 * ```
 */
export function formatProgress(event: ProgressEvent, width = 20): string {
  const rate = `${formatBytes(Math.round(event.rate))}/s`;
  if (event.total === undefined) return `${formatBytes(event.bytes)}  ${rate}`;
  const fraction = event.total === 0 ? 1 : Math.min(1, event.bytes / event.total);
  const filled = Math.round(fraction * width);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
  const percent = `${(fraction * 100).toFixed(1)}%`.padStart(6);
  const tail = event.done ? `in ${formatSeconds(event.elapsedMs / 1000)}` : `ETA ${eta(event)}`;
  return `${bar} ${percent}  ${formatBytes(event.bytes)} / ${formatBytes(event.total)}  ${rate}  ${tail}`;
}

function eta(event: ProgressEvent): string {
  if (event.rate <= 0 || event.total === undefined) return '?';
  return formatSeconds((event.total - event.bytes) / event.rate);
}

function formatSeconds(seconds: number): string {
  if (seconds < 10) return `${seconds.toFixed(1)}s`;
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m${String(Math.ceil(seconds - minutes * 60)).padStart(2, '0')}s`;
}

/**
 * A progress listener that draws a bar; pass it as `onProgress`.
 *
 * @example
 * ```ts
 * import { download, progressBar } from '@scalable-ts/net';
 *
 * await download(url, 'big.bin', { onProgress: progressBar({ label: 'big.bin' }) });
 * // big.bin [########------------]  41.3%  423.0 MiB / 1.00 GiB  388.2 MiB/s  ETA 1.5s
 * ```
 */
export function progressBar(options: ProgressBarOptions = {}): ProgressListener {
  const stream = options.stream ?? process.stderr;
  const prefix = options.label === undefined ? '' : `${options.label} `;
  let quarter = 0;
  let previous = 0;
  return (event) => {
    if (stream.isTTY === true) {
      const width = options.width ?? Math.max(10, Math.min(40, (stream.columns ?? 80) - prefix.length - 60));
      const line = prefix + formatProgress(event, width);
      stream.write(`\r${line.padEnd(previous)}${event.done ? '\n' : ''}`);
      previous = line.length;
      return;
    }
    const reached = event.total ? Math.floor((event.bytes / event.total) * 4) : 0;
    if (!event.done && (reached <= quarter || reached >= 4)) return; // 100% prints once, when done
    quarter = reached;
    stream.write(`${prefix}${formatProgress(event, options.width ?? 20)}\n`);
  };
}
