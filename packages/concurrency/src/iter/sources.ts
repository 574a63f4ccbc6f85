/**
 * Sources and combinators: `count`, `repeat`, `cycle`, `chain`. `count` and `repeat` are sync
 * (and so usable anywhere); `cycle` and `chain` follow their sources: sync when all are sync,
 * async as soon as one is async.
 */
import { checkInteger } from '../internal/validate.js';
import { map } from './transform.js';
import type { Lazy } from './lazy.js';
import { checkSource, isSync, type AnyIterable, type ItemOf } from './source.js';

/**
 * `start`, `start + step`, `start + 2·step`, … forever (Python's `itertools.count`).
 *
 * @example
 * ```ts
 * [...take(count(10, 5), 3)]; // [10, 15, 20]
 * ```
 */
export function* count(start = 0, step = 1): IterableIterator<number> {
  for (let n = start; ; n += step) yield n;
}

/**
 * `value` again and again: `times` times, or forever (Python's `itertools.repeat`).
 *
 * @example
 * ```ts
 * [...repeat('x', 3)];                         // ['x', 'x', 'x']
 * [...map(zip([1, 2, 3], repeat(2)), ([b, e]) => b ** e)]; // [1, 4, 9]
 * ```
 */
export function repeat<T>(value: T, times = Infinity): IterableIterator<T> {
  return repeatCount(value, checkInteger('times', times, 0, true));
}

function* repeatCount<T>(value: T, times: number): IterableIterator<T> {
  for (let i = 0; i < times; i++) yield value;
}

/**
 * The items of `source`, then the same items again, forever (Python's `itertools.cycle`). It
 * reads the source once and keeps a copy of its items, so a long source costs memory; an empty
 * source gives an empty cycle.
 *
 * @example
 * ```ts
 * [...take(cycle(['red', 'green']), 5)]; // ['red', 'green', 'red', 'green', 'red']
 * ```
 */
export function cycle<S extends AnyIterable<unknown>>(source: S): Lazy<S, ItemOf<S>> {
  const seen: ItemOf<S>[] = [];
  const replay = {
    *[Symbol.iterator](): Iterator<ItemOf<S>> {
      while (seen.length > 0) yield* seen;
    },
  };
  const firstPass = map(source, (item: ItemOf<S>) => {
    seen.push(item);
    return item;
  });
  return chain(firstPass as AnyIterable<ItemOf<S>>, replay) as Lazy<S, ItemOf<S>>;
}

/** The iterator `chain` and `zip` return for sources `S`: sync if every source is sync. */
export type Combined<S extends readonly AnyIterable<unknown>[], U> = S extends readonly Iterable<unknown>[]
  ? IterableIterator<U>
  : AsyncIterableIterator<U>;

/**
 * The items of each source in turn (Python's `itertools.chain`).
 *
 * @example
 * ```ts
 * [...chain([1, 2], new Set([3]), 'ab')]; // [1, 2, 3, 'a', 'b']
 * ```
 */
export function chain<S extends readonly AnyIterable<unknown>[]>(...sources: S): Combined<S, ItemOf<S[number]>> {
  sources.forEach((source, i) => checkSource(`sources[${i}]`, source));
  const all = sources as readonly AnyIterable<unknown>[];
  const chained = all.every(isSync) ? chainSync(all as Iterable<unknown>[]) : chainAsync(all);
  return chained as Combined<S, ItemOf<S[number]>>;
}

function* chainSync(sources: readonly Iterable<unknown>[]): IterableIterator<unknown> {
  for (const source of sources) yield* source;
}

async function* chainAsync(sources: readonly AnyIterable<unknown>[]): AsyncIterableIterator<unknown> {
  for (const source of sources) yield* source;
}
