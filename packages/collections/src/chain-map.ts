/**
 * How it works
 *
 * A ChainMap is a view over a list of maps, searched in order: the first map that has a key
 * answers. Nothing is copied, so a change to any underlying map shows at once, and building one
 * is O(number of maps), where merging into a new map would be O(number of keys).
 *
 *     maps[0]  { art: 'van gogh', opera: 'carmen' }      <- set / delete / clear act here only
 *     maps[1]  { music: 'bach', art: 'rembrandt' }
 *     get('art') === 'van gogh', get('music') === 'bach'
 *
 * Writes go to `maps[0]` only, as in Python: `set` adds or overwrites there, `delete` of a key
 * that only a later map has throws `KeyError` (it cannot be deleted through the view).
 * Iteration visits each key once, in Python's order: the order a dict built by updating from the
 * last map to the first would have, so keys of the deepest map come first.
 */
import { IndexError, KeyError } from './errors.js';
import { inspectCustom, inspectList, listText, repr, type Inspect, type InspectOptions } from './format.js';

/**
 * Several maps searched as one. Python's `collections.ChainMap`, in camelCase; it reads like a
 * `ReadonlyMap` (`get`, `has`, `size`, `keys`, `values`, `entries`, `forEach`, iteration of
 * `[key, value]` pairs) and writes to its first map.
 *
 * @example
 * ```ts
 * const defaults = new Map([['port', '8080'], ['host', '127.0.0.1']]);
 * const fromEnv = new Map([['port', '9000']]);
 * const config = new ChainMap(fromEnv, defaults);
 * config.get('port'); // '9000': the environment wins
 * config.get('host'); // '127.0.0.1': falls through to the defaults
 * [...config.keys()]; // [ 'port', 'host' ]
 * ```
 */
export class ChainMap<K, V> implements Iterable<[K, V]> {
  /** The maps, searched first to last; a live list, as in Python (you may push or replace maps). */
  readonly maps: Array<Map<K, V>>;

  /** @param maps - the maps, first searched first; one empty `Map` if none are given. */
  constructor(...maps: Array<Map<K, V>>) {
    this.maps = maps.length > 0 ? maps : [new Map<K, V>()];
  }

  /** A new ChainMap with `map` (default: a new empty `Map`) in front of this one's maps. */
  newChild(map: Map<K, V> = new Map<K, V>()): ChainMap<K, V> {
    return new ChainMap(map, ...this.maps);
  }

  /** A new ChainMap of every map but the first. */
  get parents(): ChainMap<K, V> {
    return new ChainMap(...this.maps.slice(1));
  }

  /** The value of `key` in the first map that has it, or `undefined`. */
  get(key: K): V | undefined {
    for (const map of this.maps) {
      const value = map.get(key);
      if (value !== undefined || map.has(key)) return value;
    }
    return undefined;
  }

  /** Whether any map has `key`. */
  has(key: K): boolean {
    return this.maps.some((map) => map.has(key));
  }

  /** Sets `key` in the first map only. */
  set(key: K, value: V): this {
    this.#first().set(key, value);
    return this;
  }

  /**
   * Deletes `key` from the first map only.
   *
   * @throws KeyError if the first map does not have `key` (even if a later map does).
   */
  delete(key: K): void {
    if (!this.#first().delete(key)) throw new KeyError(key, `Key not found in the first mapping: ${repr(key)}`);
  }

  /** Empties the first map only. */
  clear(): void {
    this.#first().clear();
  }

  /** How many distinct keys the maps hold together (counted on each call: O(all keys)). */
  get size(): number {
    return this.#mergedKeys().size;
  }

  /** Each key once, in Python's order (by first appearance, scanning from the last map to the first). */
  keys(): IterableIterator<K> {
    return this.#mergedKeys().keys();
  }

  /** The value seen through the chain for each key, in the order of `keys()`. */
  *values(): IterableIterator<V> {
    for (const key of this.#mergedKeys().keys()) yield this.get(key) as V;
  }

  /** `[key, value]` for each key, in the order of `keys()`. */
  *entries(): IterableIterator<[K, V]> {
    for (const key of this.#mergedKeys().keys()) yield [key, this.get(key) as V];
  }

  /** Calls `callback(value, key, this)` for each key, in the order of `keys()`. */
  forEach(callback: (value: V, key: K, chain: this) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }

  /** The same as `entries()`, so `new Map(chain)` flattens the chain. */
  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.entries();
  }

  /** E.g. `ChainMap(2 maps) [ Map(1) { 'port' => '9000' }, Map(1) { 'port' => '8080' } ]`. */
  toString(): string {
    return listText(this.#label(), this.maps);
  }

  /** How Node's `util.inspect` (and so `console.log` and the notebook kernel) shows the chain: its maps. */
  [inspectCustom](depth: number | null, options: InspectOptions, inspect: Inspect): string {
    return inspectList(this.#label(), this.maps, depth, options, inspect);
  }

  #label(): string {
    return `ChainMap(${this.maps.length} map${this.maps.length === 1 ? '' : 's'})`;
  }

  #first(): Map<K, V> {
    const first = this.maps[0];
    if (first === undefined) throw new IndexError('ChainMap has no maps (its maps list is empty)');
    return first;
  }

  /** The keys of all maps, deduplicated, in Python's order. */
  #mergedKeys(): Set<K> {
    const keys = new Set<K>();
    for (let i = this.maps.length - 1; i >= 0; i--) for (const key of (this.maps[i] as Map<K, V>).keys()) keys.add(key);
    return keys;
  }
}
