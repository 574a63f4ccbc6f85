/**
 * How it works: a flag and a FIFO of waiters. `release()` with waiters does not unlock: it
 * hands the lock straight to the oldest waiter, so nobody can barge in between (FIFO fairness,
 * and no wake-up that finds the lock taken again).
 */
import { NotAcquiredError } from '../errors.js';
import { WaitList } from '../internal/wait-list.js';
import type { AbortOptions } from '../types.js';

const DONE: Promise<void> = Promise.resolve();

/**
 * A mutual-exclusion lock for async code, Python's `asyncio.Lock`: one holder at a time,
 * waiters served in arrival order. Like asyncio's (and unlike a thread lock) it has no owner:
 * whoever holds it may release it, and releasing an unlocked lock throws `NotAcquiredError`.
 *
 * @example
 * ```ts
 * const lock = new Lock();
 * await lock.acquire();
 * try {
 *   await writeTheFile(); // no other holder until release()
 * } finally {
 *   lock.release();
 * }
 * ```
 */
export class Lock {
  readonly #waiters = new WaitList();
  #locked = false;

  /** True while somebody holds the lock. */
  locked(): boolean {
    return this.#locked;
  }

  /** How many callers wait in `acquire()`. */
  get waiting(): number {
    return this.#waiters.size;
  }

  /**
   * Takes the lock, waiting while another holds it. Rejects with `signal.reason` if aborted
   * first (then the lock was not taken).
   */
  acquire(options: AbortOptions = {}): Promise<void> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (!this.#locked) {
      this.#locked = true;
      return DONE;
    }
    return this.#waiters.park(undefined, signal);
  }

  /** Gives the lock to the oldest waiter, or unlocks it. Throws `NotAcquiredError` if unlocked. */
  release(): void {
    if (!this.#locked) throw new NotAcquiredError('Lock.release()');
    const next = this.#waiters.shift();
    if (next === undefined) this.#locked = false;
    else next.resolve();
  }
}
