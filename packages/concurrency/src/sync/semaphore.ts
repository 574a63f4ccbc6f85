/**
 * How it works: a counter of free permits and a FIFO of waiters. Waiters exist only while the
 * counter is 0, and `release()` with waiters hands the permit straight to the oldest one
 * instead of incrementing, so a newcomer cannot take a permit a waiter was owed.
 */
import { TooManyReleasesError } from '../errors.js';
import { WaitList } from '../internal/wait-list.js';
import { checkInteger } from '../internal/validate.js';
import type { AbortOptions } from '../types.js';

const DONE: Promise<void> = Promise.resolve();

/**
 * A counter of permits, Python's `asyncio.Semaphore`: `acquire()` takes one, waiting while
 * none is free; `release()` gives one back. A negative start value throws
 * `RangeError`. Waiters are served in arrival order.
 *
 * @example
 * ```ts
 * const slots = new Semaphore(3); // at most 3 downloads at once
 * await Promise.all(urls.map(async (url) => {
 *   await slots.acquire();
 *   try { return await fetch(url); } finally { slots.release(); }
 * }));
 * ```
 */
export class Semaphore {
  readonly #waiters = new WaitList();
  #value: number;

  /** @param value - the number of permits to start with (default 1, must be >= 0). */
  constructor(value = 1) {
    this.#value = checkInteger('value', value, 0);
  }

  /** The number of free permits. */
  get value(): number {
    return this.#value;
  }

  /** How many callers wait in `acquire()`. */
  get waiting(): number {
    return this.#waiters.size;
  }

  /** True when `acquire()` would wait. */
  locked(): boolean {
    return this.#value === 0;
  }

  /** Takes a permit, waiting while none is free; rejects with `signal.reason` if aborted first. */
  acquire(options: AbortOptions = {}): Promise<void> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#value > 0) {
      this.#value--;
      return DONE;
    }
    return this.#waiters.park(undefined, signal);
  }

  /** Gives a permit back: to the oldest waiter if there is one. */
  release(): void {
    const next = this.#waiters.shift();
    if (next === undefined) this.#value++;
    else next.resolve();
  }
}

/**
 * A `Semaphore` that throws `TooManyReleasesError` when released above its start value, which
 * catches a release without a matching acquire (Python's `asyncio.BoundedSemaphore`).
 *
 * @example
 * ```ts
 * const s = new BoundedSemaphore(1);
 * s.release(); // throws TooManyReleasesError
 * ```
 */
export class BoundedSemaphore extends Semaphore {
  readonly #bound: number;

  /** @param value - the number of permits to start with, and the most there can be. */
  constructor(value = 1) {
    super(value);
    this.#bound = value;
  }

  override release(): void {
    if (this.value >= this.#bound) throw new TooManyReleasesError(this.#bound);
    super.release();
  }
}
