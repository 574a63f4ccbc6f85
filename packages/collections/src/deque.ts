/**
 * How it works
 *
 * A Deque is a ring buffer: one array whose length, the capacity, is a power of two, plus the
 * index of the first item (`head`) and the number of items (`size`). Item i lives in slot
 * `(head + i) & mask`, where `mask = capacity - 1`, so wrapping around the end is one AND, with
 * no modulo and no branch.
 *
 *     capacity 8, head 6, size 4 ('b' 'c' 'd' 'e'):
 *
 *       slot:   0    1    2    3    4    5    6    7
 *             [ d  | e  |    |    |    |    | b  | c  ]
 *                        ^ (head + size) & mask  ^ head
 *
 *     append(x):     write slot (head + size) & mask, size += 1
 *     appendLeft(x): head = (head - 1) & mask, write slot head, size += 1
 *     popLeft():     read slot head, head = (head + 1) & mask, size -= 1
 *     pop():         read slot (head + size - 1) & mask, size -= 1
 *
 * Nothing is ever shifted along the array, so both ends are O(1); `Array#shift` moves every item
 * that remains. A full ring doubles (items copied once, in order, to the front of a new array),
 * so appends are amortized O(1); a ring that pops leave less than a quarter full halves (never
 * below 16 slots), so a queue that once held a million items does not keep their memory.
 *
 * The trade-off, in one sentence: one contiguous array gives `at(i)` in O(1) and 8 bytes a slot,
 * at the price of copying on growth, where a list of fixed-size blocks (Node's internal
 * `FixedQueue`, CPython's deque) never copies but cannot index in O(1).
 *
 * Freed slots get 0, not `undefined`: 0 drops the reference for the garbage collector all the
 * same, and it keeps V8's element kind, so a deque of numbers stays an array of small integers or
 * unboxed doubles instead of turning into one of pointers to boxed numbers.
 *
 * The two hot paths each pay one comparison for every rare case. An append compares the size
 * with `#limit`, the smaller of the capacity and `maxlen`: at the limit, `#makeRoom` grows the
 * ring, or, with a `maxlen`, drops an item from the opposite end first, as Python does. A pop
 * compares the size with `#lowWater`: at or below it, `#beforeShrinkingPop` throws if the deque
 * is empty, or halves the ring. Both slow paths only change fields, never the caller's locals,
 * and return nothing: V8 then keeps the fast path as fast as denque's (measured; bench/).
 */
import { assertInteger, assertIntegerAtLeast } from './arguments.js';
import { IndexError, ValueError } from './errors.js';
import { inspectCustom, inspectList, listText, repr, type Inspect, type InspectOptions } from './format.js';
import { sameValueZero } from './same-value-zero.js';

const MIN_CAPACITY = 16;
const EMPTY = 0;

/**
 * A double-ended queue: O(1) appends and pops at both ends, optionally bounded. Python's
 * `collections.deque`, in camelCase.
 *
 * Values are compared with SameValueZero (`remove`, `index`, `count`), as `Array#includes` does.
 * Do not change a deque while iterating over it (Python raises `RuntimeError`; here the
 * iteration would see the changed deque).
 *
 * @example
 * ```ts
 * const queue = new Deque<string>();
 * queue.append('a');
 * queue.append('b');
 * queue.popLeft(); // 'a', in O(1): no Array#shift
 *
 * const last3 = new Deque([1, 2, 3, 4, 5], 3); // Deque(3, maxlen 3) [ 3, 4, 5 ]
 * last3.append(6); // drops 3 from the left: Deque(3, maxlen 3) [ 4, 5, 6 ]
 * ```
 */
export class Deque<T> implements Iterable<T> {
  /** The ring; its length (the capacity) is a power of two; unused slots hold EMPTY or a hole. */
  #items: unknown[] = [];
  #mask = 0;
  #head = 0;
  #size = 0;
  /** `maxlen`, or Infinity when unbounded. */
  readonly #maxlen: number;
  /** min(capacity, maxlen): at this size an append must grow the ring or drop an item. */
  #limit = 0;
  /** At or below this size a pop takes the slow path: empty (throw) or a quarter full (shrink). */
  #lowWater = 0;

  /**
   * @param iterable - the initial items, left to right (with `maxlen`, only the last `maxlen` stay).
   * @param maxlen - the most items the deque holds; unbounded if omitted.
   * @throws RangeError if `maxlen` is negative; TypeError if it is not an integer.
   */
  constructor(iterable?: Iterable<T> | null, maxlen?: number) {
    if (maxlen !== undefined) assertIntegerAtLeast('maxlen', maxlen, 0);
    this.#maxlen = maxlen ?? Infinity;
    this.#install(new Array(MIN_CAPACITY), 0, 0);
    if (iterable) this.extend(iterable);
  }

  /** The number of items (Python's `len(d)`). */
  get length(): number {
    return this.#size;
  }

  /** The most items the deque holds, or `undefined` if it is unbounded (Python's `None`). */
  get maxlen(): number | undefined {
    return this.#maxlen === Infinity ? undefined : this.#maxlen;
  }

  /** Adds `value` at the right end; on a full bounded deque, first drops the leftmost item. */
  append(value: T): void {
    if (this.#size === this.#limit) this.#makeRoom(true);
    const size = this.#size;
    this.#items[(this.#head + size) & this.#mask] = value;
    this.#size = size + 1;
  }

  /** Adds `value` at the left end; on a full bounded deque, first drops the rightmost item. */
  appendLeft(value: T): void {
    if (this.#size === this.#limit) this.#makeRoom(false);
    const head = (this.#head - 1) & this.#mask;
    this.#items[head] = value;
    this.#head = head;
    this.#size += 1;
  }

  /**
   * Removes and returns the rightmost item.
   *
   * @throws IndexError if the deque is empty.
   */
  pop(): T {
    const size = this.#size;
    if (size <= this.#lowWater) this.#beforeShrinkingPop();
    const items = this.#items;
    const slot = (this.#head + size - 1) & this.#mask;
    const value = items[slot] as T;
    items[slot] = EMPTY;
    this.#size = size - 1;
    return value;
  }

  /**
   * Removes and returns the leftmost item: the O(1) replacement for `Array#shift`.
   *
   * @throws IndexError if the deque is empty.
   */
  popLeft(): T {
    const size = this.#size;
    if (size <= this.#lowWater) this.#beforeShrinkingPop();
    const items = this.#items;
    const head = this.#head;
    const value = items[head] as T;
    items[head] = EMPTY;
    this.#head = (head + 1) & this.#mask;
    this.#size = size - 1;
    return value;
  }

  /** Appends every item of `iterable` at the right end, in order. */
  extend(iterable: Iterable<T>): void {
    for (const value of iterable === this ? [...this] : iterable) this.append(value);
  }

  /**
   * Appends every item of `iterable` at the left end, one at a time, so they end up reversed:
   * `extendLeft('abc')` gives `c, b, a` at the front, as in Python.
   */
  extendLeft(iterable: Iterable<T>): void {
    for (const value of iterable === this ? [...this] : iterable) this.appendLeft(value);
  }

  /**
   * Rotates `steps` to the right (the last item becomes the first); a negative `steps` rotates
   * left. Moves at most half the items, and none when the ring is full.
   *
   * @throws TypeError if `steps` is not an integer.
   */
  rotate(steps = 1): void {
    assertInteger('steps', steps);
    const size = this.#size;
    if (size <= 1) return;
    let right = steps % size;
    if (right < 0) right += size;
    if (right === 0) return;
    const items = this.#items;
    const mask = this.#mask;
    let head = this.#head;
    if (size === items.length) {
      this.#head = (head - right) & mask;
      return;
    }
    let end = (head + size) & mask;
    if (right <= size >>> 1) {
      for (let moved = 0; moved < right; moved++) {
        head = (head - 1) & mask;
        end = (end - 1) & mask;
        items[head] = items[end];
        items[end] = EMPTY;
      }
    } else {
      for (let moved = size - right; moved > 0; moved--) {
        items[end] = items[head];
        items[head] = EMPTY;
        head = (head + 1) & mask;
        end = (end + 1) & mask;
      }
    }
    this.#head = head;
  }

  /**
   * Inserts `value` before position `index`, as `Array#splice(index, 0, value)` and Python's
   * `insert` do: a negative index counts from the right, and an index past either end clamps to
   * it. Shifts the shorter side.
   *
   * @throws IndexError if the deque is bounded and full (there is no end to drop from).
   * @throws TypeError if `index` is not an integer.
   */
  insert(index: number, value: T): void {
    assertInteger('index', index);
    const size = this.#size;
    if (size === this.#maxlen) throw new IndexError(`deque already at its maximum size (maxlen ${size})`);
    if (size === this.#limit) this.#makeRoom(true);
    const at = clamp(index, size);
    const items = this.#items;
    const mask = this.#mask;
    const head = this.#head;
    if (at < size >>> 1) {
      const newHead = (head - 1) & mask;
      for (let i = 0; i < at; i++) items[(newHead + i) & mask] = items[(head + i) & mask];
      items[(newHead + at) & mask] = value;
      this.#head = newHead;
    } else {
      for (let i = size; i > at; i--) items[(head + i) & mask] = items[(head + i - 1) & mask];
      items[(head + at) & mask] = value;
    }
    this.#size = size + 1;
  }

  /**
   * Removes the first item equal to `value`.
   *
   * @throws ValueError if no item equals `value`.
   */
  remove(value: T): void {
    const at = this.#find(value, 0, this.#size);
    if (at < 0) throw new ValueError(value, `${repr(value)} is not in deque`);
    this.#removeAt(at);
  }

  /**
   * The position of the first item equal to `value` within `[start, stop)`; negative bounds
   * count from the right, as in `Array#slice`.
   *
   * @throws ValueError if no item in the range equals `value`.
   */
  index(value: T, start = 0, stop: number = this.#size): number {
    assertInteger('start', start);
    assertInteger('stop', stop);
    const at = this.#find(value, clamp(start, this.#size), clamp(stop, this.#size));
    if (at < 0) throw new ValueError(value, `${repr(value)} is not in deque`);
    return at;
  }

  /** How many items equal `value`. */
  count(value: T): number {
    let count = 0;
    for (const item of this) if (sameValueZero(item, value)) count += 1;
    return count;
  }

  /** Reverses the items in place. */
  reverse(): void {
    const items = this.#items;
    const mask = this.#mask;
    for (let left = this.#head, right = this.#head + this.#size - 1; left < right; left++, right--) {
      const item = items[left & mask];
      items[left & mask] = items[right & mask];
      items[right & mask] = item;
    }
  }

  /** Removes every item and gives the memory back. */
  clear(): void {
    this.#install(new Array(MIN_CAPACITY), 0, 0);
  }

  /** A shallow copy with the same `maxlen`. */
  copy(): Deque<T> {
    const copy = new Deque<T>(null, this.maxlen);
    copy.#install(this.#ordered(this.#items.length), 0, this.#size);
    return copy;
  }

  /**
   * The item at `index`, counting from the right if negative, or `undefined` if there is none,
   * as `Array#at` does (Python's `d[i]` would raise `IndexError`). O(1).
   */
  at(index: number): T | undefined {
    let at = Math.trunc(index) || 0;
    if (at < 0) at += this.#size;
    if (at < 0 || at >= this.#size) return undefined;
    return this.#items[(this.#head + at) & this.#mask] as T;
  }

  /** The items from right to left (Python's `reversed(d)`). */
  *reversed(): IterableIterator<T> {
    for (let i = this.#size - 1; i >= 0; i--) yield this.#items[(this.#head + i) & this.#mask] as T;
  }

  /** The items from left to right. */
  *[Symbol.iterator](): IterableIterator<T> {
    for (let i = 0; i < this.#size; i++) yield this.#items[(this.#head + i) & this.#mask] as T;
  }

  /** E.g. `Deque(3) [ 1, 2, 3 ]`, or `Deque(2, maxlen 5) [ 'a', 'b' ]`. */
  toString(): string {
    return listText(this.#label(), this);
  }

  /** How Node's `util.inspect` (and so `console.log` and the notebook kernel) shows the deque. */
  [inspectCustom](depth: number | null, options: InspectOptions, inspect: Inspect): string {
    return inspectList(this.#label(), [...this], depth, options, inspect);
  }

  #label(): string {
    return this.#maxlen === Infinity ? `Deque(${this.#size})` : `Deque(${this.#size}, maxlen ${this.#maxlen})`;
  }

  /**
   * Called by an append at size === limit: grows the ring, or, when the deque holds `maxlen`
   * items, drops the one at the other end. With `maxlen` 0 there is nothing to drop: the size
   * goes to -1, so the append that follows writes into a slot no read ever sees and leaves the
   * size at 0 (that slot keeps the value until the next append overwrites it).
   */
  #makeRoom(forRight: boolean): void {
    const size = this.#size;
    if (size < this.#maxlen) {
      this.#resize(this.#items.length * 2);
    } else if (size === 0) {
      this.#size = -1;
    } else {
      const slot = forRight ? this.#head : (this.#head + size - 1) & this.#mask;
      this.#items[slot] = EMPTY;
      if (forRight) this.#head = (slot + 1) & this.#mask;
      this.#size = size - 1;
    }
  }

  /** Called by a pop at size <= lowWater: throws if the deque is empty, else halves the ring first. */
  #beforeShrinkingPop(): void {
    if (this.#size === 0) throw new IndexError('pop from an empty deque');
    this.#resize(this.#items.length >>> 1);
  }

  #resize(capacity: number): void {
    this.#install(this.#ordered(capacity), 0, this.#size);
  }

  /** A new array of length `capacity` holding the items in order from slot 0. */
  #ordered(capacity: number): unknown[] {
    const items = this.#items;
    const mask = this.#mask;
    const head = this.#head;
    const size = this.#size;
    const ordered = new Array(capacity);
    for (let i = 0; i < size; i++) ordered[i] = items[(head + i) & mask];
    return ordered;
  }

  #install(items: unknown[], head: number, size: number): void {
    const capacity = items.length;
    this.#items = items;
    this.#mask = capacity - 1;
    this.#head = head;
    this.#size = size;
    this.#limit = capacity < this.#maxlen ? capacity : this.#maxlen;
    this.#lowWater = capacity > MIN_CAPACITY ? capacity >>> 2 : 0;
  }

  #find(value: T, start: number, stop: number): number {
    for (let i = start; i < stop; i++) if (sameValueZero(this.#items[(this.#head + i) & this.#mask], value)) return i;
    return -1;
  }

  #removeAt(at: number): void {
    const items = this.#items;
    const mask = this.#mask;
    const head = this.#head;
    const size = this.#size;
    if (at < size >>> 1) {
      for (let i = at; i > 0; i--) items[(head + i) & mask] = items[(head + i - 1) & mask];
      items[head] = EMPTY;
      this.#head = (head + 1) & mask;
    } else {
      for (let i = at; i < size - 1; i++) items[(head + i) & mask] = items[(head + i + 1) & mask];
      items[(head + size - 1) & mask] = EMPTY;
    }
    this.#size = size - 1;
    if (size <= this.#lowWater) this.#resize(items.length >>> 1);
  }
}

/** A position for `insert` or a bound for `index`: negative counts from the end; clamped to [0, size]. */
function clamp(index: number, size: number): number {
  if (index < 0) return Math.max(0, index + size);
  return Math.min(index, size);
}
