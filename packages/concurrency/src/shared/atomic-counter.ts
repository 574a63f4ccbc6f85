/**
 * An integer counter in shared memory whose updates are atomic (`Atomics.add`), so increments
 * from many threads are never lost, unlike `view[0]++` (a load, an add and a store that
 * another thread can interleave with).
 */
import { SharedCell } from './cell.js';

/**
 * A 32-bit signed counter shared between worker threads.
 *
 * @example
 * ```ts
 * const hits = new AtomicCounter();
 * worker.postMessage(hits.buffer);            // in the worker: new AtomicCounter(buffer).increment()
 * console.log(hits.value);
 * ```
 */
export class AtomicCounter extends SharedCell {
  /** The current value. */
  get value(): number {
    return Atomics.load(this.cell, 0);
  }

  /** Adds `n` (default 1) and returns the new value. */
  add(n = 1): number {
    return Atomics.add(this.cell, 0, n) + n;
  }

  /** Adds 1 and returns the new value. */
  increment(): number {
    return this.add(1);
  }

  /** Subtracts 1 and returns the new value. */
  decrement(): number {
    return this.add(-1);
  }

  /** Sets the value; returns the previous one. */
  exchange(value: number): number {
    return Atomics.exchange(this.cell, 0, value);
  }
}
