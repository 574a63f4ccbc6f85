/**
 * How it works
 *
 * The classic use of an OrderedDict: keys kept from least to most recently used. A hit moves
 * its key to the end (`moveToEnd`), a new key goes in at the end, and when the cache is full the
 * first key, the least recently used, is evicted (`popItem(false)`). Every step is O(1).
 *
 *     capacity 3:   a b c     get(a)  ->  b c a     set(d)  ->  c a d   (b evicted)
 *
 * `get` and `set` go through OrderedDict's package-internal `recencySteps`, which do the same
 * moves as `get` + `moveToEnd` and `popItem(false)` + `set` with one key lookup each, and re-use
 * the evicted entry's link: that is what makes this cache as fast as the `lru-cache` package.
 */
import { assertIntegerAtLeast } from './arguments.js';
import { entriesText, inspectCustom, inspectEntries, type Inspect, type InspectOptions } from './format.js';
import { OrderedDict, recencySteps } from './ordered-dict.js';

/**
 * A map of at most `capacity` entries that evicts the least recently used one. Python's
 * `functools.lru_cache` as a data structure, or the LRU recipe of the `OrderedDict` docs.
 * Iteration goes from the least to the most recently used entry.
 *
 * @example
 * ```ts
 * const cache = new LRUCache<string, number>(2);
 * cache.set('a', 1).set('b', 2);
 * cache.get('a'); // 1, and 'a' is now the most recently used
 * cache.set('c', 3); // evicts 'b'
 * [...cache.keys()]; // [ 'a', 'c' ]
 * ```
 */
export class LRUCache<K, V> implements Iterable<[K, V]> {
  readonly #dict = new OrderedDict<K, V>();
  readonly #capacity: number;

  /**
   * @param capacity - the most entries kept (at least 1).
   * @param entries - initial entries, oldest first (only the last `capacity` stay).
   * @throws RangeError if `capacity` is below 1; TypeError if it is not an integer.
   */
  constructor(capacity: number, entries?: Iterable<readonly [K, V]> | null) {
    assertIntegerAtLeast('capacity', capacity, 1);
    this.#capacity = capacity;
    if (entries) for (const [key, value] of entries) this.set(key, value);
  }

  /** The most entries kept. */
  get capacity(): number {
    return this.#capacity;
  }

  /** How many entries there are. */
  get size(): number {
    return this.#dict.size;
  }

  /** The value of `key`, making it the most recently used; `undefined` if missing. */
  get(key: K): V | undefined {
    return recencySteps.touch(this.#dict, key);
  }

  /** The value of `key` without touching its recency; `undefined` if missing. */
  peek(key: K): V | undefined {
    return this.#dict.get(key);
  }

  /** Whether `key` is cached (does not touch its recency). */
  has(key: K): boolean {
    return this.#dict.has(key);
  }

  /** Sets `key` as the most recently used, evicting the least recently used entry if full. */
  set(key: K, value: V): this {
    recencySteps.put(this.#dict, key, value, this.#capacity);
    return this;
  }

  /** Removes `key`; whether it was there. */
  delete(key: K): boolean {
    return this.#dict.delete(key);
  }

  /** Removes every entry. */
  clear(): void {
    this.#dict.clear();
  }

  /** The keys, least recently used first. */
  keys(): IterableIterator<K> {
    return this.#dict.keys();
  }

  /** The values, least recently used first. */
  values(): IterableIterator<V> {
    return this.#dict.values();
  }

  /** `[key, value]` pairs, least recently used first. */
  entries(): IterableIterator<[K, V]> {
    return this.#dict.entries();
  }

  /** The same as `entries()`. */
  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.#dict.entries();
  }

  /** E.g. `LRUCache(2, capacity 3) { 'a' => 1, 'b' => 2 }`, least recently used first. */
  toString(): string {
    return entriesText(this.#label(), this);
  }

  /** How Node's `util.inspect` (and so `console.log` and the notebook kernel) shows the cache. */
  [inspectCustom](depth: number | null, options: InspectOptions, inspect: Inspect): string {
    return inspectEntries(this.#label(), this, depth, options, inspect);
  }

  #label(): string {
    return `LRUCache(${this.size}, capacity ${this.#capacity})`;
  }
}
