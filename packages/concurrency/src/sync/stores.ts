/**
 * How it works: a queue's storage order, behind one small interface, so `Queue`,
 * `PriorityQueue` and `LifoQueue` share all of the waiting logic and differ only here (what
 * Python does with `_init`/`_put`/`_get`).
 *
 * - FIFO: a ring buffer (`Fifo`).
 * - LIFO: an array used as a stack.
 * - Priority: a binary min-heap in an array; the children of slot i are 2i+1 and 2i+2, every
 *   parent sorts before its children. Each entry carries an insertion number that breaks ties,
 *   so items of equal priority come out first in, first out (Python's heapq does not promise
 *   that; a queue of jobs should).
 */
import { Fifo } from '../internal/fifo.js';

/** The storage of a queue. `shift` is only called when `size > 0`. */
export interface Store<T> {
  /** How many items are stored. */
  readonly size: number;
  /** Stores an item. */
  push(item: T): void;
  /** Removes and returns the next item in this store's order. */
  shift(): T;
  /** Removes every item. */
  clear(): void;
}

/** Orders two items: negative when `a` comes first, positive when `b` does, 0 when equal. */
export type Compare<T> = (a: T, b: T) => number;

/** First in, first out. */
export function fifoStore<T>(): Store<T> {
  return new Fifo<T>();
}

/** Last in, first out. */
export class StackStore<T> implements Store<T> {
  #items: T[] = [];

  get size(): number {
    return this.#items.length;
  }

  push(item: T): void {
    this.#items.push(item);
  }

  shift(): T {
    return this.#items.pop() as T;
  }

  clear(): void {
    this.#items = [];
  }
}

interface Entry<T> {
  readonly item: T;
  readonly order: number;
}

/** Smallest first by `compare`, first in first out among equals. */
export class HeapStore<T> implements Store<T> {
  readonly #compare: Compare<T>;
  #entries: Entry<T>[] = [];
  #inserted = 0;

  /** @param compare - the item order. */
  constructor(compare: Compare<T>) {
    this.#compare = compare;
  }

  get size(): number {
    return this.#entries.length;
  }

  push(item: T): void {
    const entries = this.#entries;
    const entry = { item, order: this.#inserted++ };
    let i = entries.length;
    entries.push(entry);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#before(entry, entries[parent]!)) break;
      entries[i] = entries[parent]!;
      i = parent;
    }
    entries[i] = entry;
  }

  shift(): T {
    const entries = this.#entries;
    const top = entries[0]!;
    const last = entries.pop()!;
    if (entries.length > 0) this.#siftDown(last);
    return top.item;
  }

  clear(): void {
    this.#entries = [];
  }

  #siftDown(entry: Entry<T>): void {
    const entries = this.#entries;
    const n = entries.length;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && this.#before(entries[child + 1]!, entries[child]!)) child++;
      if (!this.#before(entries[child]!, entry)) break;
      entries[i] = entries[child]!;
      i = child;
    }
    entries[i] = entry;
  }

  #before(a: Entry<T>, b: Entry<T>): boolean {
    const order = this.#compare(a.item, b.item);
    return order < 0 || (order === 0 && a.order < b.order);
  }
}

/** Numbers and strings in their natural order, what Python's `<` gives a `PriorityQueue`. */
export function naturalOrder<T>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
