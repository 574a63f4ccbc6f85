/**
 * `zip`: rows of one item from each source, ending with the shortest source. Written once for
 * sync and async sources (see ./adapters.ts). When one source ends or throws, the others are
 * closed with `return()`; so are all of them when the consumer stops early.
 */
import { andThen, type MaybePromise } from '../internal/maybe-async.js';
import { AsyncAdapter, SyncAdapter, done, type IteratorCore } from './adapters.js';
import type { Combined } from './sources.js';
import { asyncIteratorOf, checkSource, isSync, type AnyIterable, type ItemOf } from './source.js';

type AnyIterator = Iterator<unknown> | AsyncIterator<unknown>;

/** The row type of `zip` over sources `S`. */
export type ZipRow<S extends readonly AnyIterable<unknown>[]> = { -readonly [K in keyof S]: ItemOf<S[K]> };

/**
 * Rows `[a0, b0, …]`, `[a1, b1, …]`, … until the shortest source ends (Python's `zip`).
 * Sync when every source is sync; async as soon as one is async.
 *
 * @example
 * ```ts
 * [...zip([1, 2, 3], 'ab')]; // [[1, 'a'], [2, 'b']]
 * ```
 */
export function zip<S extends readonly AnyIterable<unknown>[]>(...sources: S): Combined<S, ZipRow<S>> {
  sources.forEach((source, i) => checkSource(`sources[${i}]`, source));
  const all = sources as readonly AnyIterable<unknown>[];
  if (all.every(isSync)) {
    return new SyncAdapter(new ZipCore(all.map((s) => s[Symbol.iterator]()), false)) as unknown as Combined<S, ZipRow<S>>;
  }
  return new AsyncAdapter(new ZipCore(all.map(asyncIteratorOf), true)) as unknown as Combined<S, ZipRow<S>>;
}

class ZipCore implements IteratorCore<unknown[]> {
  readonly #iterators: AnyIterator[];
  readonly #async: boolean;
  #finished = false;

  constructor(iterators: AnyIterator[], async: boolean) {
    this.#iterators = iterators;
    this.#async = async;
  }

  next(): MaybePromise<IteratorResult<unknown[]>> {
    return this.#finished || this.#iterators.length === 0 ? done() : this.#row([], 0);
  }

  return(): MaybePromise<IteratorResult<unknown[]>> {
    if (this.#finished) return done();
    this.#finished = true;
    return andThen(this.#closeAll(-1), () => done<unknown[]>());
  }

  /** Fills `row` from source `i` on. */
  #row(row: unknown[], i: number): MaybePromise<IteratorResult<unknown[]>> {
    if (i === this.#iterators.length) return { value: row, done: false };
    return andThen(this.#advance(i), (result) => {
      if (result.done !== true) {
        row.push(result.value);
        return this.#row(row, i + 1);
      }
      this.#finished = true;
      return andThen(this.#closeAll(i), () => done<unknown[]>());
    });
  }

  /** `next()` of source `i`; if it throws, the others are closed and the error goes on. */
  #advance(i: number): MaybePromise<IteratorResult<unknown>> {
    const fail = (error: unknown): MaybePromise<never> => {
      this.#finished = true;
      return andThen(this.#closeAll(i, true), () => {
        throw error;
      });
    };
    try {
      const result = this.#iterators[i]!.next();
      return this.#async ? Promise.resolve(result).catch(fail) : (result as IteratorResult<unknown>);
    } catch (error) {
      return fail(error);
    }
  }

  /** Closes every source but `except`, one after the other. */
  #closeAll(except: number, quietly = false): MaybePromise<void> {
    let chainOfCloses: MaybePromise<unknown> = undefined;
    this.#iterators.forEach((iterator, i) => {
      if (i === except) return;
      chainOfCloses = andThen(chainOfCloses, () => closeOne(iterator, quietly));
    });
    return andThen(chainOfCloses, () => undefined);
  }
}

function closeOne(iterator: AnyIterator, quietly: boolean): MaybePromise<unknown> {
  try {
    const closing = iterator.return?.();
    return quietly && closing instanceof Promise ? closing.catch(() => undefined) : closing;
  } catch (error) {
    if (!quietly) throw error;
    return undefined;
  }
}
