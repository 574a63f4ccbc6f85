/**
 * How it works: a flag and the list of waiters; `set()` raises the flag and resolves them all.
 */
import { WaitList } from '../internal/wait-list.js';
import type { AbortOptions } from '../types.js';

const DONE: Promise<void> = Promise.resolve();

/**
 * A flag that tasks can wait for, Python's `asyncio.Event`: `wait()` resolves once `set()` has
 * been called, at once if it already was; `clear()` lowers the flag again.
 *
 * @example
 * ```ts
 * const ready = new Event();
 * const worker = (async () => { await ready.wait(); console.log('go'); })();
 * ready.set();
 * await worker;
 * ```
 */
export class Event {
  readonly #waiters = new WaitList();
  #set = false;

  /** True after `set()`, until `clear()`. */
  isSet(): boolean {
    return this.#set;
  }

  /** How many callers wait in `wait()`. */
  get waiting(): number {
    return this.#waiters.size;
  }

  /** Raises the flag and wakes every waiter. */
  set(): void {
    if (this.#set) return;
    this.#set = true;
    this.#waiters.resolveAll();
  }

  /** Lowers the flag; later `wait()` calls wait again. */
  clear(): void {
    this.#set = false;
  }

  /** Waits until the flag is raised; rejects with `signal.reason` if aborted first. */
  wait(options: AbortOptions = {}): Promise<void> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    return this.#set ? DONE : this.#waiters.park(undefined, signal);
  }
}
