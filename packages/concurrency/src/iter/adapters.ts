/**
 * How it works: `zip` and `tee` are written once, as a *core* whose `next()` and `return()`
 * return a result, or a promise of one when the sources are async (see
 * ../internal/maybe-async.ts). These two adapters give a core the right face: a sync
 * `IterableIterator`, or an `AsyncIterableIterator` that also queues concurrent calls.
 */
import type { MaybePromise } from '../internal/maybe-async.js';
import { Serial } from '../internal/serial.js';

/** An iterator written once for sync and async sources. */
export interface IteratorCore<T> {
  next(): MaybePromise<IteratorResult<T>>;
  return(): MaybePromise<IteratorResult<T>>;
}

/** The finished result. */
export function done<T>(): IteratorResult<T> {
  return { value: undefined, done: true } as IteratorResult<T>;
}

/** A core over sync sources, as a sync iterator. */
export class SyncAdapter<T> implements IterableIterator<T> {
  readonly #core: IteratorCore<T>;

  constructor(core: IteratorCore<T>) {
    this.#core = core;
  }

  [Symbol.iterator](): this {
    return this;
  }

  next(): IteratorResult<T> {
    return this.#core.next() as IteratorResult<T>;
  }

  return(): IteratorResult<T> {
    return this.#core.return() as IteratorResult<T>;
  }
}

/** A core over async sources, as an async iterator whose calls run one at a time. */
export class AsyncAdapter<T> implements AsyncIterableIterator<T> {
  readonly #core: IteratorCore<T>;
  readonly #serial = new Serial();

  constructor(core: IteratorCore<T>) {
    this.#core = core;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<T>> {
    return this.#serial.run(() => this.#core.next());
  }

  return(): Promise<IteratorResult<T>> {
    return this.#serial.run(() => this.#core.return());
  }
}
