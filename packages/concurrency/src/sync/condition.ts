/**
 * How it works: a lock plus a FIFO of waiters. `wait()` releases the lock, parks, and takes the
 * lock back before returning, also when its wait is aborted (as asyncio does), so the code
 * after it always runs holding the lock. `notify(n)` unparks the n oldest waiters; they then
 * queue for the lock like anybody else.
 */
import { NotAcquiredError } from '../errors.js';
import { WaitList } from '../internal/wait-list.js';
import type { AbortOptions } from '../types.js';
import { Lock } from './lock.js';

/**
 * A condition variable, Python's `asyncio.Condition`: tasks wait, holding a lock, until another
 * task changes the state they wait on and notifies them. `wait()`, `notify()` and `notifyAll()`
 * throw `NotAcquiredError` unless the lock is held.
 *
 * @example
 * ```ts
 * const cond = new Condition();
 * const items: number[] = [];
 * const consumer = (async () => {
 *   await cond.acquire();
 *   try {
 *     await cond.waitFor(() => items.length > 0);
 *     return items.shift();
 *   } finally {
 *     cond.release();
 *   }
 * })();
 * await cond.acquire();
 * items.push(42);
 * cond.notify();
 * cond.release();
 * await consumer; // 42
 * ```
 */
export class Condition {
  readonly #lock: Lock;
  readonly #waiters = new WaitList();

  /** @param lock - the lock to use; a new one by default (share one between conditions). */
  constructor(lock: Lock = new Lock()) {
    this.#lock = lock;
  }

  /** How many callers wait in `wait()` (not counting those waiting for the lock). */
  get waiting(): number {
    return this.#waiters.size;
  }

  /** True while somebody holds the lock. */
  locked(): boolean {
    return this.#lock.locked();
  }

  /** Takes the underlying lock. */
  acquire(options: AbortOptions = {}): Promise<void> {
    return this.#lock.acquire(options);
  }

  /** Releases the underlying lock. */
  release(): void {
    this.#lock.release();
  }

  /**
   * Releases the lock, waits to be notified, then takes the lock back. If the signal aborts,
   * the wait ends, the lock is still taken back, and then it rejects with `signal.reason`.
   */
  async wait(options: AbortOptions = {}): Promise<void> {
    if (!this.#lock.locked()) throw new NotAcquiredError('Condition.wait()');
    this.#lock.release();
    let aborted = false;
    let reason: unknown;
    try {
      await this.#waiters.park(undefined, options.signal);
    } catch (error) {
      aborted = true;
      reason = error;
    }
    await this.#lock.acquire();
    if (aborted) throw reason;
  }

  /**
   * Waits until `predicate()` is truthy, checking it first and after each notification;
   * returns its value. Holds the lock whenever the predicate runs.
   */
  async waitFor<R>(predicate: () => R, options: AbortOptions = {}): Promise<R> {
    let result = predicate();
    while (!result) {
      await this.wait(options);
      result = predicate();
    }
    return result;
  }

  /** Wakes up to `n` waiters (default 1), oldest first. */
  notify(n = 1): void {
    if (!this.#lock.locked()) throw new NotAcquiredError('Condition.notify()');
    for (let i = 0; i < n; i++) {
      const waiter = this.#waiters.shift();
      if (waiter === undefined) return;
      waiter.resolve();
    }
  }

  /** Wakes every waiter. */
  notifyAll(): void {
    this.notify(Infinity);
  }
}
