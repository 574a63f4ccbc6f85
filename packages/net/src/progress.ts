/**
 * Progress events, throttled: `add()` is called for every write (hundreds per second), the
 * callback at most once per `intervalMs`, plus one final event with `done: true`. The rate is
 * measured over the last second of samples (one sample per event), so it follows the current
 * speed rather than the average since the start.
 */

/** One progress report. */
export interface ProgressEvent {
  /** Bytes of the file on disk so far, including bytes resumed from an earlier run. */
  readonly bytes: number;
  /** The file's size, `undefined` when the server does not say. */
  readonly total: number | undefined;
  /** Bytes received and written by this call (restarts included). */
  readonly transferred: number;
  /** The recent transfer rate, in bytes per second. */
  readonly rate: number;
  /** Milliseconds since the download started. */
  readonly elapsedMs: number;
  /** `true` on the last event, sent once the file is complete. */
  readonly done: boolean;
}

/** Receives progress events. */
export type ProgressListener = (event: ProgressEvent) => void;

const RATE_WINDOW_MS = 1000;

/** Counts bytes and reports them to a listener, at most once per interval. */
export class ProgressMeter {
  readonly #listener: ProgressListener | undefined;
  readonly #intervalMs: number;
  readonly #now: () => number;
  readonly #start: number;
  readonly #samples: { at: number; transferred: number }[] = [];
  #bytes = 0;
  #total: number | undefined;
  #transferred = 0;
  #lastEmit = -Infinity;

  /**
   * @param listener - the callback; `undefined` makes the meter only count.
   * @param intervalMs - the least time between two events.
   * @param now - the clock, in milliseconds (tests pass a fake one).
   */
  constructor(listener: ProgressListener | undefined, intervalMs: number, now: () => number = () => performance.now()) {
    this.#listener = listener;
    this.#intervalMs = intervalMs;
    this.#now = now;
    this.#start = now();
    this.#samples.push({ at: this.#start, transferred: 0 });
  }

  /** Bytes received and written by this call so far. */
  get transferred(): number {
    return this.#transferred;
  }

  /** Starts (or restarts) counting from `bytes` already on disk, out of `total`. */
  reset(bytes: number, total: number | undefined): void {
    this.#bytes = bytes;
    this.#total = total;
  }

  /** Counts `n` bytes written; reports if the interval has passed. */
  add(n: number): void {
    this.#bytes += n;
    this.#transferred += n;
    if (this.#listener !== undefined && this.#now() - this.#lastEmit >= this.#intervalMs) this.#emit(false);
  }

  /** Sends the final event. */
  finish(): void {
    if (this.#listener !== undefined) this.#emit(true);
  }

  #emit(done: boolean): void {
    const at = this.#now();
    this.#lastEmit = at;
    const samples = this.#samples;
    while (samples.length > 1 && samples[0]!.at < at - RATE_WINDOW_MS) samples.shift();
    const oldest = samples[0]!;
    const rate = at > oldest.at ? ((this.#transferred - oldest.transferred) * 1000) / (at - oldest.at) : 0;
    samples.push({ at, transferred: this.#transferred });
    this.#listener!({
      bytes: this.#bytes,
      total: this.#total,
      transferred: this.#transferred,
      rate,
      elapsedMs: at - this.#start,
      done,
    });
  }
}
