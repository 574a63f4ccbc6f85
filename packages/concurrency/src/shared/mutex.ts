/**
 * How it works: a mutex in one 32-bit cell of a `SharedArrayBuffer`, so every thread that holds
 * the buffer (it is shared, not copied, by `postMessage`) sees the same lock.
 *
 *   cell: 0 = unlocked, 1 = locked
 *   lock:    compareExchange(0 → 1); on failure sleep with Atomics.wait(cell, 1) and retry
 *   unlock:  store 0, then Atomics.notify one sleeper
 *
 * `lock()` blocks the thread (fine in a worker and in Node's main thread, but it freezes that
 * thread's event loop while it waits); `lockAsync()` waits with `Atomics.waitAsync` instead.
 * The mutex is not re-entrant and does not know its owner: unlock only what you locked.
 */
import { NotAcquiredError } from '../errors.js';
import { SharedCell } from './cell.js';

// Atomics.waitAsync (ES2024, Node 16+), typed here: the build targets lib ES2023, and whichever
// TypeScript \`tsc\` names (the project's 6.0 or tslab's 5.0, both install one) must compile this.
const waitAsync = (Atomics as unknown as {
  waitAsync(array: Int32Array, index: number, value: number): { async: false; value: string } | { async: true; value: Promise<string> };
}).waitAsync;

const UNLOCKED = 0;
const LOCKED = 1;

/**
 * A lock shared between worker threads.
 *
 * @example
 * ```ts
 * const mutex = new Mutex();
 * worker.postMessage({ lock: mutex.buffer });     // in the worker: new Mutex(data.lock)
 * mutex.withLock(() => { shared[0] = shared[0]! + 1; });
 * ```
 */
export class Mutex extends SharedCell {
  /** True while some thread holds it. */
  get locked(): boolean {
    return Atomics.load(this.cell, 0) === LOCKED;
  }

  /** Takes the lock if it is free; returns whether it did. */
  tryLock(): boolean {
    return Atomics.compareExchange(this.cell, 0, UNLOCKED, LOCKED) === UNLOCKED;
  }

  /** Takes the lock, blocking this thread until it is free. */
  lock(): void {
    while (!this.tryLock()) Atomics.wait(this.cell, 0, LOCKED);
  }

  /** Takes the lock, waiting without blocking the event loop. */
  async lockAsync(): Promise<void> {
    while (!this.tryLock()) {
      const result = waitAsync(this.cell, 0, LOCKED);
      if (result.async) await result.value;
    }
  }

  /** Releases the lock; throws `NotAcquiredError` if it is not held. */
  unlock(): void {
    if (Atomics.compareExchange(this.cell, 0, LOCKED, UNLOCKED) !== LOCKED) throw new NotAcquiredError('Mutex.unlock()');
    Atomics.notify(this.cell, 0, 1);
  }

  /** Runs `fn` holding the lock (taken with `lock()`), and releases it even if `fn` throws. */
  withLock<T>(fn: () => T): T {
    this.lock();
    try {
      return fn();
    } finally {
      this.unlock();
    }
  }
}
