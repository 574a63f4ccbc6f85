/**
 * The one-source operators of Python's itertools (plus `map`, `filter`, `enumerate`), for sync
 * and async iterables alike. Each is lazy (it reads its source only as you read it, so an
 * infinite source is fine), returns an iterator of its source's kind, and closes its source
 * (`return()`) when you stop early. Chained calls fuse into one pipeline: see ./pipeline.ts.
 */
import { checkFunction, checkInteger, invalidType } from '../internal/validate.js';
import { pipe, type Lazy } from './lazy.js';
import type { AnyIterable, ItemOf } from './source.js';
import { AccumulateStage } from './stages/accumulate.js';
import { BatchedStage } from './stages/batched.js';
import { FilterStage } from './stages/filter.js';
import { GroupByStage } from './stages/group-by.js';
import { MapStage } from './stages/map.js';
import { PairwiseStage } from './stages/pairwise.js';
import { SliceStage } from './stages/slice.js';

/**
 * `fn(item, index)` for each item, lazily. Over an async source, `fn` may be async: its
 * promises are awaited one at a time (use `mapConcurrent` to run several at once).
 *
 * @example
 * ```ts
 * [...map([1, 2, 3], (n) => n * 10)];                  // [10, 20, 30]
 * for await (const body of map(urls, async (u) => (await fetch(u)).text())) { … }  // urls async
 * ```
 */
export function map<S extends AnyIterable<unknown>, U>(
  source: S,
  fn: (item: ItemOf<S>, index: number) => U,
): Lazy<S, U> {
  return pipe(source, new MapStage(checkFunction('fn', fn)));
}

/**
 * The items for which `test(item, index)` is truthy, lazily (async predicates are awaited over
 * async sources). A type guard narrows the item type.
 *
 * @example
 * ```ts
 * [...filter([1, 2, 3, 4], (n) => n % 2 === 0)]; // [2, 4]
 * ```
 */
export function filter<S extends AnyIterable<unknown>, R extends ItemOf<S>>(
  source: S,
  test: (item: ItemOf<S>, index: number) => item is R,
): Lazy<S, R>;
export function filter<S extends AnyIterable<unknown>>(
  source: S,
  test: (item: ItemOf<S>, index: number) => unknown,
): Lazy<S, ItemOf<S>>;
export function filter<S extends AnyIterable<unknown>>(
  source: S,
  test: (item: ItemOf<S>, index: number) => unknown,
): Lazy<S, ItemOf<S>> {
  return pipe(source, new FilterStage(checkFunction('test', test)));
}

/**
 * The first `n` items, then stop: the source is closed and never read past the n-th item.
 *
 * @example
 * ```ts
 * [...take(count(), 3)]; // [0, 1, 2], from an infinite source
 * ```
 */
export function take<S extends AnyIterable<unknown>>(source: S, n: number): Lazy<S, ItemOf<S>> {
  return pipe(source, new SliceStage<ItemOf<S>>(0, checkInteger('n', n, 0, true), 1));
}

/**
 * Python's `itertools.islice`: the items at indices `start`, `start + step`, … below `stop`
 * (`null` for no end). `islice(xs, stop)` is `islice(xs, 0, stop)`.
 *
 * @example
 * ```ts
 * [...islice('abcdefg', 2)];           // ['a', 'b']
 * [...islice('abcdefg', 2, 6, 2)];     // ['c', 'e']
 * [...islice(count(), 10, null, 10)]   // never ends: 10, 20, 30, …
 * ```
 */
export function islice<S extends AnyIterable<unknown>>(source: S, stop: number | null): Lazy<S, ItemOf<S>>;
export function islice<S extends AnyIterable<unknown>>(
  source: S,
  start: number,
  stop: number | null,
  step?: number,
): Lazy<S, ItemOf<S>>;
export function islice<S extends AnyIterable<unknown>>(
  source: S,
  startOrStop: number | null,
  stop?: number | null,
  step = 1,
): Lazy<S, ItemOf<S>> {
  const [first, end] = stop === undefined ? [0, startOrStop] : [startOrStop, stop];
  const start = checkInteger('start', first, 0);
  const limit = end === null ? Infinity : checkInteger('stop', end, 0, true);
  return pipe(source, new SliceStage<ItemOf<S>>(start, limit, checkInteger('step', step, 1)));
}

/**
 * `[index, item]` pairs, counting from `start` (default 0).
 *
 * @example
 * ```ts
 * [...enumerate(['a', 'b'], 1)]; // [[1, 'a'], [2, 'b']]
 * ```
 */
export function enumerate<S extends AnyIterable<unknown>>(source: S, start = 0): Lazy<S, [number, ItemOf<S>]> {
  checkInteger('start', start, -Infinity);
  return pipe(source, new MapStage((item: ItemOf<S>, index: number): [number, ItemOf<S>] => [start + index, item]));
}

/**
 * Arrays of `size` items; the last one may be shorter (Python 3.12's `itertools.batched`).
 *
 * @example
 * ```ts
 * [...batched([1, 2, 3, 4, 5], 2)]; // [[1, 2], [3, 4], [5]]
 * ```
 */
export function batched<S extends AnyIterable<unknown>>(source: S, size: number): Lazy<S, ItemOf<S>[]> {
  return pipe(source, new BatchedStage<ItemOf<S>>(checkInteger('size', size, 1)));
}

/**
 * Each item with the one before it: `[a, b], [b, c], …`.
 *
 * @example
 * ```ts
 * [...pairwise([1, 4, 9])].map(([a, b]) => b - a); // [3, 5]
 * ```
 */
export function pairwise<S extends AnyIterable<unknown>>(source: S): Lazy<S, [ItemOf<S>, ItemOf<S>]> {
  return pipe(source, new PairwiseStage<ItemOf<S>>());
}

/**
 * Running results: `fn(fn(a, b), c)`, … (running sums by default). With `initial`, it comes
 * first and starts the total, as in Python.
 *
 * @example
 * ```ts
 * [...accumulate([1, 2, 3, 4])];                  // [1, 3, 6, 10]
 * [...accumulate([3, 1, 4], Math.max)];           // [3, 3, 4]
 * [...accumulate(['a', 'b'], (s, c) => s + c, '>')]; // ['>', '>a', '>ab']
 * ```
 */
export function accumulate<S extends AnyIterable<number>>(source: S): Lazy<S, number>;
export function accumulate<S extends AnyIterable<unknown>>(
  source: S,
  fn: (total: ItemOf<S>, item: ItemOf<S>) => ItemOf<S> | PromiseLike<ItemOf<S>>,
): Lazy<S, ItemOf<S>>;
export function accumulate<S extends AnyIterable<unknown>, A>(
  source: S,
  fn: (total: A, item: ItemOf<S>) => A | PromiseLike<A>,
  initial: A,
): Lazy<S, A>;
export function accumulate(
  source: AnyIterable<unknown>,
  fn: (total: unknown, item: unknown) => unknown = add,
  ...initial: unknown[]
): unknown {
  const start = initial.length > 0 ? { value: initial[0] } : undefined;
  return pipe(source, new AccumulateStage(checkFunction('fn', fn), start));
}

/**
 * Python's `itertools.groupby`: `[key, items]` for each run of consecutive items with the same
 * key (the item itself by default). Sort first to group all equal keys together; unlike
 * `Object.groupBy`, it is lazy, and each run is an array.
 *
 * @example
 * ```ts
 * [...groupBy('aaabcc')];                               // [['a', ['a','a','a']], ['b', ['b']], ['c', ['c','c']]]
 * [...groupBy([1, 3, 2, 4, 5], (n) => n % 2)].length;   // 3 runs: odd, even, odd
 * ```
 */
export function groupBy<S extends AnyIterable<unknown>, K = ItemOf<S>>(
  source: S,
  key?: (item: ItemOf<S>) => K | PromiseLike<K>,
): Lazy<S, [K, ItemOf<S>[]]> {
  const keyOf = key ?? ((item: ItemOf<S>) => item as unknown as K);
  return pipe(source, new GroupByStage<ItemOf<S>, K>(checkFunction('key', keyOf)));
}

function add(total: unknown, item: unknown): unknown {
  if (typeof total === 'number' && typeof item === 'number') return total + item;
  if (typeof total === 'string' && typeof item === 'string') return total + item;
  throw invalidType('fn', 'given (the default only adds numbers or strings)', item);
}
