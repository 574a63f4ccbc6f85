/**
 * How it works: the pool keeps tasks that wait for a worker behind this small interface (as
 * piscina does in `task_queue/common.ts`), so the queue can be swapped, e.g. for a priority
 * queue, without touching the scheduler.
 *
 * The default `FifoTaskQueue` is a ring buffer (`Fifo`: O(1) push and shift at any length)
 * plus lazy removal: `remove` (a queued task whose signal aborted) only records the task in a
 * set, and `shift` skips recorded tasks when it meets them. So no operation scans the queue,
 * and a queue of a million tasks costs the same per task as a queue of ten.
 */
import { Fifo } from '../internal/fifo.js';

/** The queue of tasks waiting for an idle worker. */
export interface TaskQueue<T> {
  /** How many tasks are waiting. */
  readonly size: number;
  /** Adds a task at the back. */
  push(task: T): void;
  /** Removes and returns the next task, or `undefined` when empty. */
  shift(): T | undefined;
  /** Removes a task that is waiting (its signal aborted); false if it was not queued. */
  remove(task: T): boolean;
}

/** First in, first out, with O(1) push, shift and remove. */
export class FifoTaskQueue<T extends object> implements TaskQueue<T> {
  readonly #items = new Fifo<T>();
  readonly #queued = new Set<T>();

  get size(): number {
    return this.#queued.size;
  }

  push(task: T): void {
    this.#items.push(task);
    this.#queued.add(task);
  }

  shift(): T | undefined {
    while (this.#items.size > 0) {
      const task = this.#items.shift();
      if (this.#queued.delete(task)) return task;
    }
    return undefined;
  }

  remove(task: T): boolean {
    const removed = this.#queued.delete(task);
    if (this.#queued.size === 0) this.#items.clear();
    return removed;
  }
}
