/**
 * How it works
 *
 * A `Map` from each key to a link of a circular doubly linked list, kept in order, with one
 * sentinel link (`root`) that is both before the first and after the last (CPython's pure-Python
 * OrderedDict has the same shape):
 *
 *     root <-> [a: 1] <-> [b: 2] <-> [c: 3] <-> (back to root)
 *
 * The map finds a key's link in O(1); the list gives O(1) at both ends, which a plain `Map`
 * lacks: `Map` keeps insertion order too, but it can neither move a key to the front nor find
 * its last key without walking every entry. So `moveToEnd(key, last)` and `popItem(last)` are
 * O(1) either way, and re-ordering never rebuilds anything.
 *
 * A link taken out of the list keeps its own `prev`/`next`, so an iterator standing on a deleted
 * key still finds its way to the next one.
 *
 * LRUCache is built on this class. Its two hot steps, a hit and a put, would each look the key
 * up twice through the public methods (`get` then `moveToEnd`); `recencySteps` below does each
 * with one lookup, and a put into a full cache re-uses the evicted link instead of allocating.
 * It is package-internal: set in the class's static block, so it can reach the private fields,
 * and not exported from the package.
 */
import { KeyError } from './errors.js';
import { entriesText, inspectCustom, inspectEntries, repr, type Inspect, type InspectOptions } from './format.js';
import { sameValueZero } from './same-value-zero.js';

class Link<K, V> {
  prev: Link<K, V> = this;
  next: Link<K, V> = this;
  constructor(
    public key: K,
    public value: V,
  ) {}
}

/** LRUCache's hot steps, each finding its key once. Package-internal (see the header). */
export interface RecencySteps {
  /** The value of `key`, after moving it to the end; `undefined` if missing. */
  touch<K, V>(dict: OrderedDict<K, V>, key: K): V | undefined;
  /** Sets `key` last; a new key in a dict that holds `capacity` keys replaces the first one. */
  put<K, V>(dict: OrderedDict<K, V>, key: K, value: V, capacity: number): void;
}

/** Set by OrderedDict's static block. */
export let recencySteps: RecencySteps;

/**
 * A map that remembers insertion order and can re-order: Python's `collections.OrderedDict`, in
 * camelCase. It reads and writes like a `Map` (`get`, `set`, `has`, `delete`, `clear`, `size`,
 * `keys`, `values`, `entries`, `forEach`, iteration of `[key, value]` pairs); setting an
 * existing key keeps its place.
 *
 * @example
 * ```ts
 * const dict = new OrderedDict([['a', 1], ['b', 2], ['c', 3]]);
 * dict.moveToEnd('a'); // b, c, a
 * dict.moveToEnd('c', false); // c, b, a
 * dict.popItem(); // [ 'a', 1 ]: the last; popItem(false) takes the first
 * ```
 */
export class OrderedDict<K, V> implements Iterable<[K, V]> {
  readonly #links = new Map<K, Link<K, V>>();
  readonly #root = new Link<K, V>(undefined as K, undefined as V);

  static {
    recencySteps = {
      touch(dict, key) {
        const link = dict.#links.get(key);
        if (link === undefined) return undefined;
        moveToLast(link, dict.#root);
        return link.value;
      },
      put(dict, key, value, capacity) {
        const links = dict.#links;
        const root = dict.#root;
        let link = links.get(key);
        if (link !== undefined) {
          link.value = value;
        } else if (links.size < capacity) {
          link = new Link(key, value);
          links.set(key, link);
          linkBefore(link, root);
          return;
        } else {
          link = root.next;
          links.delete(link.key);
          link.key = key;
          link.value = value;
          links.set(key, link);
        }
        moveToLast(link, root);
      },
    };
  }

  /** @param entries - initial `[key, value]` pairs, in order. */
  constructor(entries?: Iterable<readonly [K, V]> | null) {
    if (entries) for (const [key, value] of entries) this.set(key, value);
  }

  /** How many keys there are. */
  get size(): number {
    return this.#links.size;
  }

  /** The value of `key`, or `undefined`. */
  get(key: K): V | undefined {
    return this.#links.get(key)?.value;
  }

  /** Whether `key` is present. */
  has(key: K): boolean {
    return this.#links.has(key);
  }

  /** Sets `key`: a new key goes last, an existing one keeps its place. */
  set(key: K, value: V): this {
    const link = this.#links.get(key);
    if (link === undefined) {
      const added = new Link(key, value);
      this.#links.set(key, added);
      linkBefore(added, this.#root);
    } else {
      link.value = value;
    }
    return this;
  }

  /** Removes `key`; whether it was there. */
  delete(key: K): boolean {
    const link = this.#links.get(key);
    if (link === undefined) return false;
    this.#links.delete(key);
    unlink(link);
    return true;
  }

  /** Removes every key. */
  clear(): void {
    this.#links.clear();
    this.#root.prev = this.#root;
    this.#root.next = this.#root;
  }

  /**
   * Moves `key` to the end (`last = true`) or to the front (`last = false`), in O(1).
   *
   * @throws KeyError if `key` is missing.
   */
  moveToEnd(key: K, last = true): void {
    const link = this.#links.get(key);
    if (link === undefined) throw new KeyError(key, `Key not found: ${repr(key)}`);
    if (last) {
      moveToLast(link, this.#root);
    } else {
      unlink(link);
      linkBefore(link, this.#root.next);
    }
  }

  /**
   * Removes and returns the last `[key, value]` (`last = true`, LIFO) or the first (`last = false`,
   * FIFO), in O(1).
   *
   * @throws KeyError if the dict is empty.
   */
  popItem(last = true): [K, V] {
    const link = last ? this.#root.prev : this.#root.next;
    if (link === this.#root) throw new KeyError(undefined, 'popItem(): dictionary is empty');
    this.#links.delete(link.key);
    unlink(link);
    return [link.key, link.value];
  }

  /**
   * Whether `other` holds the same keys with the same values (SameValueZero). Against another
   * OrderedDict the order must match too; against a plain `Map` it does not, as in Python.
   */
  equals(other: OrderedDict<K, V> | ReadonlyMap<K, V>): boolean {
    if (other.size !== this.size) return false;
    if (other instanceof OrderedDict) {
      const theirs = other.entries();
      for (const [key, value] of this) {
        const next = theirs.next();
        if (next.done === true || !sameValueZero(next.value[0], key) || !sameValueZero(next.value[1], value)) return false;
      }
      return true;
    }
    for (const [key, value] of this) if (!other.has(key) || !sameValueZero(other.get(key), value)) return false;
    return true;
  }

  /** The keys, in order. */
  *keys(): IterableIterator<K> {
    for (let link = this.#root.next; link !== this.#root; link = link.next) yield link.key;
  }

  /** The values, in key order. */
  *values(): IterableIterator<V> {
    for (let link = this.#root.next; link !== this.#root; link = link.next) yield link.value;
  }

  /** `[key, value]` pairs, in order. */
  *entries(): IterableIterator<[K, V]> {
    for (let link = this.#root.next; link !== this.#root; link = link.next) yield [link.key, link.value];
  }

  /** Calls `callback(value, key, this)` for each key, in order. */
  forEach(callback: (value: V, key: K, dict: this) => void): void {
    for (const [key, value] of this) callback(value, key, this);
  }

  /** The same as `entries()`. */
  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.entries();
  }

  /** E.g. `OrderedDict(2) { 'b' => 2, 'a' => 1 }`. */
  toString(): string {
    return entriesText(`OrderedDict(${this.size})`, this);
  }

  /** How Node's `util.inspect` (and so `console.log` and the notebook kernel) shows the dict. */
  [inspectCustom](depth: number | null, options: InspectOptions, inspect: Inspect): string {
    return inspectEntries(`OrderedDict(${this.size})`, this, depth, options, inspect);
  }
}

/** Puts `link` just before `before` (before the root: last; before the first: first). */
function linkBefore<K, V>(link: Link<K, V>, before: Link<K, V>): void {
  const prev = before.prev;
  link.prev = prev;
  link.next = before;
  prev.next = link;
  before.prev = link;
}

/** Moves `link` to the end of the list (just before `root`), unless it is there already. */
function moveToLast<K, V>(link: Link<K, V>, root: Link<K, V>): void {
  if (link.next === root) return;
  unlink(link);
  linkBefore(link, root);
}

/** Takes `link` out of its list; its own pointers stay, for an iterator standing on it. */
function unlink<K, V>(link: Link<K, V>): void {
  link.prev.next = link.next;
  link.next.prev = link.prev;
}
