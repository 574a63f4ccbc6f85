/**
 * How it works
 *
 * A `Map` whose `get` never comes back empty-handed: a missing key is given a value made by the
 * factory, which is stored and returned (Python's `defaultdict` and its `__missing__`). Only
 * `get` does this; `has`, iteration, `size` and every other `Map` method see just the keys that
 * were set or got, so asking whether a key exists never creates it.
 */
import { entriesText, inspectCustom, inspectEntries, type Inspect, type InspectOptions } from './format.js';

/**
 * A `Map` that fills in missing keys from a factory on `get`. Python's `collections.defaultdict`;
 * the factory also receives the key (Python's takes no argument).
 *
 * @example
 * ```ts
 * const byLength = new DefaultDict<number, string[]>(() => []);
 * for (const word of ['ant', 'bee', 'wasp']) byLength.get(word.length).push(word);
 * byLength; // DefaultDict(2) { 3 => [ 'ant', 'bee' ], 4 => [ 'wasp' ] }
 * byLength.has(5); // false: has() never creates a key
 * ```
 */
export class DefaultDict<K, V> extends Map<K, V> {
  readonly #factory: (key: K) => V;

  /**
   * @param factory - makes the value of a missing key (called with the key).
   * @param entries - initial entries, as for `new Map(entries)`.
   * @throws TypeError if `factory` is not a function.
   */
  constructor(factory: (key: K) => V, entries?: Iterable<readonly [K, V]> | null) {
    if (typeof factory !== 'function') throw new TypeError(`factory must be a function, got ${typeof factory}`);
    super(entries);
    this.#factory = factory;
  }

  /** The factory that fills in missing keys (Python's `default_factory`). */
  get defaultFactory(): (key: K) => V {
    return this.#factory;
  }

  /** The value of `key`; if it is missing, the factory's value for it, stored first. */
  override get(key: K): V {
    const value = super.get(key);
    if (value !== undefined || super.has(key)) return value as V;
    const made = this.#factory(key);
    super.set(key, made);
    return made;
  }

  /** E.g. `DefaultDict(1) { 'a' => [ 1 ] }`. */
  override toString(): string {
    return entriesText(`DefaultDict(${this.size})`, this);
  }

  /** How Node's `util.inspect` (and so `console.log` and the notebook kernel) shows the dict. */
  [inspectCustom](depth: number | null, options: InspectOptions, inspect: Inspect): string {
    return inspectEntries(`DefaultDict(${this.size})`, this, depth, options, inspect);
  }
}
