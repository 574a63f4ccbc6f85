/**
 * How it works: the iterator that `map`, `filter`, `take`, … return. Each call wraps its source
 * and one stage (./stage.ts). On the first `next()`, a pipeline *fuses* with its source when
 * that source is a pipeline of the same kind that has not started: it takes over the source's
 * stages and the source's own source, so
 *
 *   take(filter(map(xs, f), p), 10)   runs as   xs ─▶ [map ─▶ filter ─▶ take] ─▶ buffer
 *
 * one iterator over `xs` with three stages, instead of three iterators calling each other. The
 * pipelines it fused are marked, and iterating one of them directly afterwards throws
 * `IteratorFusedError` (their items now flow through the fused one). A pipeline that has
 * started is never fused into: a later pipeline reads it through `next()` like any iterator.
 *
 * `next()` pulls source items through the stages until the buffer holds an item (a stage may
 * emit none, or several). Closing follows generator semantics: when a stage stops (take has
 * its n items), when the consumer calls `return()` (a `break` out of `for…of`), or when a
 * callback throws, the source's `return()` is called; when the source itself ends or throws,
 * it is not. `SyncPipeline` is used when the source is sync, `AsyncPipeline` when it is async;
 * the async one serializes concurrent `next()` calls, as an async generator does.
 */
import { IteratorFusedError } from '../errors.js';
import { Fifo } from '../internal/fifo.js';
import { Serial } from '../internal/serial.js';
import type { AnyIterable } from './source.js';
import type { Sink, Stage, Step } from './stage.js';

type AnyStage = Stage<unknown, unknown>;

const enum State {
  Fresh,
  Running,
  Ended,
  Fused,
}

/**
 * The last sink of every chain: items land here until `next()` hands them out. Nearly always
 * one item at a time, so that item sits in a slot and the FIFO is only used behind it.
 */
class Output<T> implements Sink<T> {
  readonly #rest = new Fifo<T>();
  #first: T | undefined = undefined;
  #hasFirst = false;

  get size(): number {
    return (this.#hasFirst ? 1 : 0) + this.#rest.size;
  }

  shift(): T {
    if (!this.#hasFirst) return this.#rest.shift();
    const item = this.#first as T;
    this.#first = undefined;
    this.#hasFirst = false;
    return item;
  }

  clear(): void {
    this.#first = undefined;
    this.#hasFirst = false;
    this.#rest.clear();
  }

  start(): Step {
    return false;
  }

  push(item: T): Step {
    if (this.#hasFirst || this.#rest.size > 0) {
      this.#rest.push(item);
    } else {
      this.#first = item;
      this.#hasFirst = true;
    }
    return false;
  }

  flush(): Step {
    return true;
  }
}

/** The last sink when a pipeline is drained: hands each item to a function. */
class Consumer<T> implements Sink<T> {
  readonly #consume: (item: T) => void;

  constructor(consume: (item: T) => void) {
    this.#consume = consume;
  }

  start(): Step {
    return false;
  }

  push(item: T): Step {
    this.#consume(item);
    return false;
  }

  flush(): Step {
    return true;
  }
}

/** What both kinds share: the stages, the output buffer, fusing, the state. */
abstract class Pipeline<T> {
  protected readonly buffer = new Output<T>();
  protected state = State.Fresh;
  protected head!: AnyStage;
  #source: AnyIterable<unknown>;
  #stages: AnyStage[];

  constructor(source: AnyIterable<unknown>, stage: AnyStage) {
    this.#source = source;
    this.#stages = [stage];
  }

  /** Fuses with fresh upstream pipelines of the same kind, wires the stages; returns the source. */
  protected wire(async: boolean, last: Sink<unknown> = this.buffer as Sink<unknown>): AnyIterable<unknown> {
    let source = this.#source;
    let stages = this.#stages;
    while (source instanceof Pipeline) {
      const upstream: Pipeline<unknown> = source;
      if (upstream.constructor !== this.constructor || upstream.state !== State.Fresh) break;
      stages = [...upstream.#stages, ...stages];
      upstream.state = State.Fused;
      source = upstream.#source;
    }
    stages.forEach((stage, i) => {
      stage.down = stages[i + 1] ?? last;
      stage.async = async;
    });
    this.head = stages[0]!;
    this.state = State.Running;
    return source;
  }

  protected checkNotFused(): void {
    if (this.state === State.Fused) throw new IteratorFusedError();
  }
}

/** A pipeline over a sync source; returned as an `IterableIterator`. */
export class SyncPipeline<T> extends Pipeline<T> implements IterableIterator<T> {
  #iterator: Iterator<unknown> | undefined;
  /** A plain array source is read by index: the same items as its iterator, without a result object each. */
  #array: readonly unknown[] | undefined;
  #position = 0;

  [Symbol.iterator](): this {
    return this;
  }

  next(): IteratorResult<T> {
    if (this.state !== State.Running) this.#open();
    while (this.buffer.size === 0) {
      if (this.state !== State.Running) return { value: undefined, done: true };
      this.#pull();
    }
    return { value: this.buffer.shift(), done: false };
  }

  return(value?: unknown): IteratorResult<T> {
    this.buffer.clear();
    if (this.state === State.Running) this.#close();
    else if (this.state === State.Fresh) this.state = State.Ended;
    return { value: value as T, done: true };
  }

  /**
   * Reads the pipeline to its end, handing each item to `consume`: internal iteration, with no
   * result object per item (what `toArray` uses). A pipeline already started is read with `next()`.
   */
  drain(consume: (item: T) => void): void {
    this.checkNotFused();
    if (this.state !== State.Fresh) {
      for (let r = this.next(); r.done !== true; r = this.next()) consume(r.value);
      return;
    }
    this.#open(new Consumer(consume));
    while ((this.state as State) === State.Running) this.#pull();
  }

  #open(last?: Sink<T>): void {
    this.checkNotFused();
    if (this.state !== State.Fresh) return;
    const source = this.wire(false, last as Sink<unknown> | undefined) as Iterable<unknown>;
    let stop: Step;
    try {
      stop = this.head.start();
    } catch (error) {
      this.state = State.Ended;
      throw error;
    }
    if (stop === true) this.state = State.Ended;
    else if (isPlainArray(source)) this.#array = source;
    else this.#iterator = source[Symbol.iterator]();
  }

  /** Reads one source item and feeds it to the stages (or the end of input). */
  #pull(): void {
    const array = this.#array;
    if (array !== undefined) {
      const more = this.#position < array.length;
      this.#feed(!more, more ? array[this.#position++] : undefined);
      return;
    }
    let result: IteratorResult<unknown>;
    try {
      result = this.#iterator!.next();
    } catch (error) {
      this.state = State.Ended; // a source that throws is finished: it is not closed
      throw error;
    }
    this.#feed(result.done === true, result.value);
  }

  #feed(ended: boolean, item: unknown): void {
    let stop: Step;
    try {
      if (ended) {
        this.state = State.Ended;
        stop = this.head.flush();
      } else {
        stop = this.head.push(item);
      }
    } catch (error) {
      this.#fail(); // a callback threw: close the source, as for…of does
      throw error;
    }
    if (stop === true && this.state === State.Running) this.#close();
  }

  /** Ends after a stage stopped or the consumer left: closes the source (its errors propagate). */
  #close(): void {
    this.state = State.Ended;
    const iterator = this.#iterator;
    this.#iterator = undefined;
    iterator?.return?.();
  }

  /** Ends after a callback threw: drops buffered items, closes the source quietly. */
  #fail(): void {
    this.buffer.clear();
    try {
      if (this.state === State.Running) this.#close();
    } catch {
      // The callback's error is the one to report.
    }
    this.state = State.Ended;
  }
}

/** A pipeline over an async source; returned as an `AsyncIterableIterator`. */
export class AsyncPipeline<T> extends Pipeline<T> implements AsyncIterableIterator<T> {
  #iterator: AsyncIterator<unknown> | undefined;
  readonly #serial = new Serial();

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<T>> {
    return this.#serial.run(() => this.#next());
  }

  return(value?: unknown): Promise<IteratorResult<T>> {
    return this.#serial.run(async () => {
      this.buffer.clear();
      if (this.state === State.Running) await this.#close();
      else if (this.state === State.Fresh) this.state = State.Ended;
      return { value: value as T, done: true };
    });
  }

  async #next(): Promise<IteratorResult<T>> {
    if (this.state !== State.Running) await this.#open();
    while (this.buffer.size === 0) {
      if (this.state !== State.Running) return { value: undefined, done: true };
      await this.#pull();
    }
    return { value: this.buffer.shift(), done: false };
  }

  async #open(): Promise<void> {
    this.checkNotFused();
    if (this.state !== State.Fresh) return;
    const source = this.wire(true) as AsyncIterable<unknown>;
    let stop: boolean;
    try {
      stop = await this.head.start();
    } catch (error) {
      this.state = State.Ended;
      throw error;
    }
    if (stop) this.state = State.Ended;
    else this.#iterator = source[Symbol.asyncIterator]();
  }

  async #pull(): Promise<void> {
    let result: IteratorResult<unknown>;
    let stop: Step;
    try {
      result = await this.#iterator!.next();
    } catch (error) {
      this.state = State.Ended;
      throw error;
    }
    try {
      if (result.done === true) {
        this.state = State.Ended;
        stop = this.head.flush();
      } else {
        stop = this.head.push(result.value);
      }
      if (stop instanceof Promise) stop = await stop;
    } catch (error) {
      await this.#fail();
      throw error;
    }
    if (stop && this.state === State.Running) await this.#close();
  }

  async #close(): Promise<void> {
    this.state = State.Ended;
    const iterator = this.#iterator;
    this.#iterator = undefined;
    await iterator?.return?.();
  }

  async #fail(): Promise<void> {
    this.buffer.clear();
    try {
      if (this.state === State.Running) await this.#close();
    } catch {
      // The callback's error is the one to report.
    }
    this.state = State.Ended;
  }
}

const arrayValues = Array.prototype[Symbol.iterator];

function isPlainArray(source: Iterable<unknown>): source is readonly unknown[] {
  return Array.isArray(source) && source[Symbol.iterator] === arrayValues;
}
