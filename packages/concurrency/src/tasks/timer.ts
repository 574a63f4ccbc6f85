/**
 * `Timer`: Python's `threading.Timer` — run a function once after a delay, unless cancelled
 * first.
 */
import { invalidType, outOfRange } from '../internal/validate.js';

/** Options of `new Timer`. */
export interface TimerOptions {
  /** Let the process exit while the timer waits (a daemon timer). Default false. */
  readonly unref?: boolean | undefined;
}

/**
 * Calls `fn` once, `ms` milliseconds after `start()`. `cancel()` before it fires stops it; after
 * it fired, `cancel()` does nothing (as in Python). `finished` resolves with `true` when `fn` ran
 * (after an async `fn` settles) and `false` when the timer was cancelled.
 *
 * @example
 * ```ts
 * const timer = new Timer(100, () => console.log('fired'));
 * timer.start();
 * timer.cancel(); // before 100 ms: nothing is printed
 * console.log(await timer.finished); // false
 * ```
 */
export class Timer {
  readonly #ms: number;
  readonly #fn: () => unknown;
  readonly #unref: boolean;
  #handle: NodeJS.Timeout | undefined;
  #state: 'new' | 'waiting' | 'fired' | 'cancelled' = 'new';
  #finish!: (ran: boolean) => void;
  /** Resolves with `true` once `fn` has run, `false` if the timer was cancelled first. */
  readonly finished: Promise<boolean>;

  /**
   * @param ms - the delay in milliseconds (>= 0).
   * @param fn - what to call.
   * @param options - `unref`.
   */
  constructor(ms: number, fn: () => unknown, options: TimerOptions = {}) {
    if (typeof ms !== 'number' || Number.isNaN(ms)) throw invalidType('ms', 'a finite number >= 0', ms);
    if (!(ms >= 0) || !Number.isFinite(ms)) throw outOfRange('ms', 'a finite number >= 0', ms);
    this.#ms = ms;
    this.#fn = fn;
    this.#unref = options.unref ?? false;
    this.finished = new Promise((resolve) => (this.#finish = resolve));
  }

  /** `"new"`, `"waiting"`, `"fired"` or `"cancelled"`. */
  get state(): 'new' | 'waiting' | 'fired' | 'cancelled' {
    return this.#state;
  }

  /** Starts the countdown; throws `RangeError` if called twice (Python raises `RuntimeError`). */
  start(): this {
    if (this.#state !== 'new') throw new RangeError('A Timer can only be started once');
    this.#state = 'waiting';
    this.#handle = setTimeout(() => {
      this.#state = 'fired';
      Promise.resolve()
        .then(this.#fn)
        .finally(() => this.#finish(true))
        .catch((error: unknown) => queueMicrotask(() => { throw error; }));
    }, this.#ms);
    if (this.#unref) this.#handle.unref();
    return this;
  }

  /** Stops the timer if it has not fired yet; returns whether it did. */
  cancel(): boolean {
    if (this.#state === 'fired' || this.#state === 'cancelled') return false;
    clearTimeout(this.#handle);
    this.#state = 'cancelled';
    this.#finish(false);
    return true;
  }
}
