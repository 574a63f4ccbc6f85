/**
 * How it works: `tee` reads its source once and gives each branch its own FIFO of the items it
 * has not read yet. A branch that finds its FIFO empty pulls one item from the source and
 * appends it to every open branch's FIFO; in async mode a pull in progress is shared, so two
 * branches never pull concurrently and every branch sees every item in order. Memory grows with
 * the distance between the fastest and the slowest branch. When every branch has been closed,
 * the source is closed. Written once for sync and async sources (see ./adapters.ts).
 */
import { Fifo } from '../internal/fifo.js';
import { andThen, type MaybePromise } from '../internal/maybe-async.js';
import { checkInteger } from '../internal/validate.js';
import { AsyncAdapter, SyncAdapter, done, type IteratorCore } from './adapters.js';
import type { Lazy } from './lazy.js';
import { asyncIteratorOf, checkSource, isSync, type AnyIterable, type ItemOf } from './source.js';

/**
 * `n` independent iterators over one source (Python's `itertools.tee`). Read the source only
 * through them afterwards.
 *
 * @example
 * ```ts
 * const [a, b] = tee([1, 2, 3]);
 * [...a]; // [1, 2, 3]
 * [...b]; // [1, 2, 3]
 * ```
 */
export function tee<S extends AnyIterable<unknown>>(source: S, n = 2): Lazy<S, ItemOf<S>>[] {
  checkSource('source', source);
  checkInteger('n', n, 0);
  const sync = isSync(source);
  const iterator = sync ? source[Symbol.iterator]() : asyncIteratorOf(source);
  const shared = new TeeSource<ItemOf<S>>(iterator as Iterator<ItemOf<S>>, !sync, n);
  return Array.from({ length: n }, (_, i) => {
    const branch = new Branch(shared, i);
    return (sync ? new SyncAdapter(branch) : new AsyncAdapter(branch)) as unknown as Lazy<S, ItemOf<S>>;
  });
}

class TeeSource<T> {
  readonly #iterator: Iterator<T> | AsyncIterator<T>;
  readonly #async: boolean;
  readonly #buffers: (Fifo<T> | undefined)[];
  #open: number;
  #ended = false;
  #pulling: Promise<void> | undefined;

  constructor(iterator: Iterator<T> | AsyncIterator<T>, async: boolean, n: number) {
    this.#iterator = iterator;
    this.#async = async;
    this.#buffers = Array.from({ length: n }, () => new Fifo<T>());
    this.#open = n;
  }

  next(branch: number): MaybePromise<IteratorResult<T>> {
    const buffer = this.#buffers[branch];
    if (buffer === undefined) return done();
    if (buffer.size > 0) return { value: buffer.shift(), done: false };
    if (this.#ended) return done();
    return andThen(this.#pull(), () => this.next(branch));
  }

  close(branch: number): MaybePromise<IteratorResult<T>> {
    if (this.#buffers[branch] === undefined) return done();
    this.#buffers[branch] = undefined;
    this.#open--;
    if (this.#open > 0 || this.#ended) return done();
    this.#ended = true;
    return andThen(this.#iterator.return?.() as MaybePromise<unknown>, () => done<T>());
  }

  /** Reads one item into every open branch's buffer; shares a pull already in progress. */
  #pull(): MaybePromise<void> {
    if (this.#pulling !== undefined) return this.#pulling;
    let result: MaybePromise<IteratorResult<T>>;
    try {
      result = this.#iterator.next();
    } catch (error) {
      this.#ended = true;
      throw error;
    }
    if (!this.#async) return this.#deliver(result as IteratorResult<T>);
    this.#pulling = Promise.resolve(result).then(
      (settled) => {
        this.#pulling = undefined;
        this.#deliver(settled);
      },
      (error: unknown) => {
        this.#pulling = undefined;
        this.#ended = true;
        throw error;
      },
    );
    return this.#pulling;
  }

  #deliver(result: IteratorResult<T>): void {
    if (result.done === true) {
      this.#ended = true;
      return;
    }
    for (const buffer of this.#buffers) buffer?.push(result.value);
  }
}

class Branch<T> implements IteratorCore<T> {
  readonly #source: TeeSource<T>;
  readonly #index: number;

  constructor(source: TeeSource<T>, index: number) {
    this.#source = source;
    this.#index = index;
  }

  next(): MaybePromise<IteratorResult<T>> {
    return this.#source.next(this.#index);
  }

  return(): MaybePromise<IteratorResult<T>> {
    return this.#source.close(this.#index);
  }
}

