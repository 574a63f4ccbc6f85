/**
 * How it works
 *
 * A Counter is a `Map` from keys to counts (Python's `Counter` is a `dict` subclass; this one
 * extends `Map`, so every `Map` method and `new Map(counter)` work). What it adds:
 *
 * - `get` of a missing key is 0, and does not insert it;
 * - `update`/`subtract` add or take away counts from an iterable of keys (1 each) or from a
 *   mapping of counts (a `Map`, another `Counter`, a plain object);
 * - multiset arithmetic (`add`, `sub`, `and`, `or`, `positive`, `negative`) builds new Counters
 *   and keeps only positive counts, as Python's `+ - & | +c -c` do; `update`, `subtract` and
 *   `set` keep zero and negative counts; only `delete` removes a key.
 *
 * Keys keep first-seen order (a `Map` is ordered by insertion), which is what makes
 * `mostCommon` list ties in first-seen order: it is a stable sort by count.
 */
import { assertInteger } from './arguments.js';
import { entriesText, inspectCustom, inspectEntries, type Inspect, type InspectOptions } from './format.js';

/** Where counts come from: keys to count one by one, a mapping of counts, or an object of counts. */
export type CountSource<K> = Iterable<K> | ReadonlyMap<K, number> | CountObject<K>;

/** A plain object of counts, e.g. `{ red: 2, blue: 1 }` (for string keys). */
export type CountObject<K> = { readonly [P in K & string]?: number };

// K as it is, but not a place to infer K from (TypeScript 6 infers it from an object's keys through
// CountObject; `new Counter({ red: 2 })` stays a Counter<string>). Not NoInfer: tslab's TypeScript
// 5.0 reads these declarations.
type NoInferKey<K> = [K][K extends unknown ? 0 : never];

const mapGet = Map.prototype.get;

/**
 * A multiset: counts of hashable things. Python's `collections.Counter`, in camelCase. The key
 * type comes from the source (`new Counter([1, 2])` is a `Counter<number>`) and is `string` when
 * there is none to infer it from (`new Counter()`, `new Counter({ red: 2 })`).
 *
 * @example
 * ```ts
 * const words = new Counter('the cat and the hat'.split(' '));
 * words.get('the'); // 2
 * words.get('dog'); // 0, a missing key counts 0
 * words.mostCommon(2); // [ [ 'the', 2 ], [ 'cat', 1 ] ]: ties in first-seen order
 *
 * const letters = new Counter('hello'); // Counter(4) { 'h' => 1, 'e' => 1, 'l' => 2, 'o' => 1 }
 * letters.sub(new Counter('help')); // Counter(2) { 'l' => 1, 'o' => 1 }
 * ```
 */
export class Counter<K = string> extends Map<K, number> {
  /** @param source - a mapping of counts to start from (a `Map`, another `Counter`). */
  constructor(source?: ReadonlyMap<K, number> | null);
  /** @param source - keys to count (a string counts its characters), or an object of counts. */
  constructor(source: Iterable<K> | CountObject<NoInferKey<K>>);
  constructor(source?: CountSource<K> | null) {
    super();
    if (source) this.update(source);
  }

  /** The count of `key`: 0 if it was never counted (and it is not inserted). */
  override get(key: K): number {
    return super.get(key) ?? 0;
  }

  /**
   * Adds counts: 1 for each key of an iterable, or the counts of a mapping (which may be zero or
   * negative; the result is kept whatever its sign).
   *
   * @example
   * ```ts
   * const seen = new Counter<string>();
   * seen.update(['a', 'b', 'a']);
   * seen.update({ b: 5 }); // Counter(2) { 'a' => 2, 'b' => 6 }
   * ```
   */
  update(source: CountSource<K>): this {
    if (Array.isArray(source)) {
      // The hot loop of a word count: an indexed loop (measurably faster here than for-of) and
      // Map's own get, without our override.
      for (let i = 0; i < source.length; i++) {
        const key = source[i] as K;
        this.set(key, (mapGet.call(this, key) ?? 0) + 1);
      }
    } else if (isIterableOfKeys(source)) {
      for (const key of source) this.set(key, (mapGet.call(this, key) ?? 0) + 1);
    } else {
      for (const [key, count] of countsOf(source)) this.set(key, this.get(key) + count);
    }
    return this;
  }

  /** Takes away counts, as `update` adds them; counts may go to zero or below and are kept. */
  subtract(source: CountSource<K>): this {
    if (isIterableOfKeys(source)) {
      for (const key of source) this.set(key, this.get(key) - 1);
    } else {
      for (const [key, count] of countsOf(source)) this.set(key, this.get(key) - count);
    }
    return this;
  }

  /**
   * The `n` most common keys and their counts, highest first; equal counts keep first-seen order.
   * All of them if `n` is omitted.
   *
   * @throws TypeError if `n` is not an integer.
   */
  mostCommon(n?: number): Array<[K, number]> {
    if (n !== undefined) assertInteger('n', n);
    const sorted = [...this].sort((a, b) => b[1] - a[1]);
    return n === undefined ? sorted : sorted.slice(0, Math.max(0, n));
  }

  /** Each key repeated as many times as its count, in first-seen order; counts below 1 give nothing. */
  *elements(): IterableIterator<K> {
    for (const [key, count] of this) for (let i = 0; i < count; i++) yield key;
  }

  /** The sum of the counts (Python 3.10's `total()`). */
  total(): number {
    let total = 0;
    for (const count of this.values()) total += count;
    return total;
  }

  /** Python's `c + d`: counts added, keeping only positive results. */
  add(other: Counter<K>): Counter<K> {
    return this.#combine(other, (mine, theirs) => mine + theirs);
  }

  /** Python's `c - d`: counts subtracted, keeping only positive results. */
  sub(other: Counter<K>): Counter<K> {
    return this.#combine(other, (mine, theirs) => mine - theirs);
  }

  /** Python's `c & d`: the minimum of each count (intersection), keeping only positive results. */
  and(other: Counter<K>): Counter<K> {
    return this.#combine(other, (mine, theirs) => Math.min(mine, theirs));
  }

  /** Python's `c | d`: the maximum of each count (union), keeping only positive results. */
  or(other: Counter<K>): Counter<K> {
    return this.#combine(other, (mine, theirs) => Math.max(mine, theirs));
  }

  /** Python's `+c`: only the positive counts. */
  positive(): Counter<K> {
    return this.#combine(new Counter<K>(), (mine) => mine);
  }

  /** Python's `-c`: the negative counts, made positive. */
  negative(): Counter<K> {
    return this.#combine(new Counter<K>(), (mine) => -mine);
  }

  /** E.g. `Counter(2) { 'a' => 2, 'b' => 1 }`. */
  override toString(): string {
    return entriesText(`Counter(${this.size})`, this);
  }

  /** How Node's `util.inspect` (and so `console.log` and the notebook kernel) shows the counter. */
  [inspectCustom](depth: number | null, options: InspectOptions, inspect: Inspect): string {
    return inspectEntries(`Counter(${this.size})`, this, depth, options, inspect);
  }

  /** `operation` over the union of keys (ours first, then theirs), a missing count being 0; keeps results > 0. */
  #combine(other: Counter<K>, operation: (mine: number, theirs: number) => number): Counter<K> {
    const result = new Counter<K>();
    for (const [key, count] of this) {
      const combined = operation(count, other.get(key));
      if (combined > 0) result.set(key, combined);
    }
    for (const [key, count] of other) {
      if (this.has(key)) continue;
      const combined = operation(0, count);
      if (combined > 0) result.set(key, combined);
    }
    return result;
  }
}

function isIterableOfKeys<K>(source: CountSource<K>): source is Iterable<K> {
  return !isMapping(source) && typeof (source as Partial<Iterable<K>>)[Symbol.iterator] === 'function';
}

/** A `Map`, or anything shaped like one (this package's ChainMap, OrderedDict, …). */
function isMapping(source: unknown): source is ReadonlyMap<unknown, unknown> {
  if (source instanceof Map) return true;
  const candidate = source as Partial<ReadonlyMap<unknown, unknown>>;
  return typeof candidate.get === 'function' && typeof candidate.entries === 'function';
}

function countsOf<K>(source: ReadonlyMap<K, number> | CountObject<K>): Iterable<readonly [K, number]> {
  if (isMapping(source)) return (source as ReadonlyMap<K, number>).entries();
  return Object.entries(source) as Array<[K, number]>;
}
