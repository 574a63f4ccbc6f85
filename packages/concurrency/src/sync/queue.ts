/**
 * How it works: asyncio's `Queue`, `PriorityQueue` and `LifoQueue` over one piece of waiting
 * logic; the three differ only in their `Store` (./stores.ts).
 *
 * Two invariants make it fair and lossless:
 * - getters wait only while the store is empty, putters only while it is full;
 * - a put hands its item straight to the oldest waiting getter, and a get that frees a slot
 *   moves the oldest waiting putter's item in at once. Nothing is ever "woken to retry", so a
 *   newcomer cannot overtake a waiter (FIFO fairness), and an item is owned by exactly one
 *   place at any time: a putter's payload, the store, or a getter's resolved promise.
 *
 * `unfinished` counts items put and not yet matched by `taskDone()`; `join()` waits for 0.
 */
import { QueueEmpty, QueueFull, QueueShutDown, TaskDoneError } from '../errors.js';
import { WaitList } from '../internal/wait-list.js';
import { checkInteger } from '../internal/validate.js';
import type { AbortOptions } from '../types.js';
import { HeapStore, StackStore, fifoStore, naturalOrder, type Compare, type Store } from './stores.js';

/** Options of `new Queue()`. */
export interface QueueOptions {
  /** The capacity; 0 (the default) or `Infinity` means unbounded, as in Python. */
  readonly maxsize?: number | undefined;
}

/** Options of `new PriorityQueue()`. */
export interface PriorityQueueOptions<T> extends QueueOptions {
  /** The order, smallest first; defaults to `<` (numbers, strings). Ties come out FIFO. */
  readonly compare?: Compare<T> | undefined;
}

const DONE: Promise<void> = Promise.resolve();

/**
 * An async FIFO queue with an optional capacity, Python's `asyncio.Queue`: `put` waits while it
 * is full, `get` waits while it is empty, waiters are served first come first served, and every
 * wait can be aborted with an `AbortSignal`.
 *
 * @example
 * ```ts
 * const q = new Queue<number>({ maxsize: 2 });
 * const consumer = (async () => {
 *   for (;;) {
 *     const n = await q.get().catch(() => undefined); // QueueShutDown once drained
 *     if (n === undefined) return;
 *     console.log('got', n);
 *     q.taskDone();
 *   }
 * })();
 * for (let i = 0; i < 5; i++) await q.put(i); // waits whenever 2 are queued
 * await q.join();                             // every item processed
 * q.shutdown();
 * await consumer;
 * ```
 */
export class Queue<T> {
  readonly #maxsize: number;
  readonly #store: Store<T>;
  readonly #getters = new WaitList<void, T>();
  readonly #putters = new WaitList<T, void>();
  readonly #joiners = new WaitList<void, void>();
  #unfinished = 0;
  #shutDown = false;

  /** @param options - `maxsize`: the capacity (0, the default, for unbounded). */
  constructor(options: QueueOptions = {}) {
    const maxsize = checkInteger('maxsize', options.maxsize ?? 0, 0, true);
    this.#maxsize = maxsize === Infinity ? 0 : maxsize;
    this.#store = this.createStore(options);
  }

  /** The storage order; `PriorityQueue` and `LifoQueue` override it (Python's `_init`). */
  protected createStore(_options: QueueOptions): Store<T> {
    return fifoStore<T>();
  }

  /** The capacity; 0 means unbounded. */
  get maxsize(): number {
    return this.#maxsize;
  }

  /** How many callers are parked in `get`, `put` or `join` (0 when nobody waits). */
  get waiting(): number {
    return this.#getters.size + this.#putters.size + this.#joiners.size;
  }

  /** How many items are queued. */
  qsize(): number {
    return this.#store.size;
  }

  /** True when no item is queued. */
  empty(): boolean {
    return this.#store.size === 0;
  }

  /** True when `maxsize` items are queued (never for an unbounded queue). */
  full(): boolean {
    return this.#maxsize > 0 && this.#store.size >= this.#maxsize;
  }

  /**
   * Adds an item, waiting while the queue is full. Rejects with `QueueShutDown` after
   * `shutdown()`, or with `signal.reason` if aborted (then the item was not added).
   */
  put(item: T, options: AbortOptions = {}): Promise<void> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#shutDown) return Promise.reject(new QueueShutDown('put'));
    if (!this.full()) {
      this.#add(item);
      return DONE;
    }
    return this.#putters.park(item, signal);
  }

  /** Adds an item now, or throws `QueueFull` (or `QueueShutDown`). */
  putNowait(item: T): void {
    if (this.#shutDown) throw new QueueShutDown('putNowait');
    if (this.full()) throw new QueueFull(this.#maxsize);
    this.#add(item);
  }

  /**
   * Removes and returns the next item, waiting while the queue is empty. Rejects with
   * `QueueShutDown` once the queue is shut down and empty, or with `signal.reason` if aborted
   * (then no item was taken).
   */
  get(options: AbortOptions = {}): Promise<T> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#store.size > 0) return Promise.resolve(this.#take());
    if (this.#shutDown) return Promise.reject(new QueueShutDown('get'));
    return this.#getters.park(undefined, signal);
  }

  /** Removes and returns the next item now, or throws `QueueEmpty` (or `QueueShutDown`). */
  getNowait(): T {
    if (this.#store.size > 0) return this.#take();
    throw this.#shutDown ? new QueueShutDown('getNowait') : new QueueEmpty();
  }

  /**
   * Says that an item taken with `get` has been processed; when every item put has been,
   * `join()` resolves. Throws `TaskDoneError` when called more times than items were put.
   */
  taskDone(): void {
    if (this.#unfinished <= 0) throw new TaskDoneError();
    this.#unfinished--;
    if (this.#unfinished === 0) this.#joiners.resolveAll();
  }

  /** Waits until every item put has been marked done with `taskDone()`. */
  join(options: AbortOptions = {}): Promise<void> {
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    return this.#unfinished === 0 ? DONE : this.#joiners.park(undefined, signal);
  }

  /**
   * Shuts the queue down (Python 3.13): later puts reject with `QueueShutDown`, waiting putters
   * too; gets go on until the queue is empty, then reject with `QueueShutDown`. With
   * `immediate`, the queued items are dropped at once (and count as done for `join()`).
   */
  shutdown(immediate = false): void {
    this.#shutDown = true;
    if (immediate) {
      const dropped = this.#store.size;
      this.#store.clear();
      this.#unfinished = Math.max(0, this.#unfinished - dropped);
      if (this.#unfinished === 0) this.#joiners.resolveAll();
    }
    this.#putters.rejectAll(() => new QueueShutDown('put'));
    if (this.#store.size === 0) this.#getters.rejectAll(() => new QueueShutDown('get'));
  }

  #add(item: T): void {
    this.#unfinished++;
    const getter = this.#getters.shift();
    if (getter === undefined) this.#store.push(item);
    else getter.resolve(item);
  }

  #take(): T {
    const item = this.#store.shift();
    const putter = this.#putters.shift();
    if (putter !== undefined) {
      this.#add(putter.payload);
      putter.resolve();
    }
    return item;
  }
}

/**
 * A queue that returns the smallest item first (Python's `asyncio.PriorityQueue`); pass
 * `compare` for anything but numbers and strings. Items that compare equal come out in the
 * order they were put.
 *
 * @example
 * ```ts
 * const jobs = new PriorityQueue<{ priority: number; name: string }>({ compare: (a, b) => a.priority - b.priority });
 * jobs.putNowait({ priority: 2, name: 'email' });
 * jobs.putNowait({ priority: 0, name: 'page the on-call' });
 * jobs.getNowait().name; // 'page the on-call'
 * ```
 */
export class PriorityQueue<T> extends Queue<T> {
  /** @param options - `maxsize`, and `compare` (smallest first). */
  constructor(options: PriorityQueueOptions<T> = {}) {
    super(options);
  }

  protected override createStore(options: PriorityQueueOptions<T>): Store<T> {
    return new HeapStore<T>(options.compare ?? naturalOrder);
  }
}

/**
 * A queue that returns the most recently put item first (Python's `asyncio.LifoQueue`).
 *
 * @example
 * ```ts
 * const stack = new LifoQueue<string>();
 * stack.putNowait('a');
 * stack.putNowait('b');
 * await stack.get(); // 'b'
 * ```
 */
export class LifoQueue<T> extends Queue<T> {
  protected override createStore(): Store<T> {
    return new StackStore<T>();
  }
}
