/**
 * How it works: the one-source operators (map, filter, take, islice, enumerate, batched,
 * pairwise, accumulate, groupBy) are each a *stage*: a small object that receives items one at a
 * time and sends zero or more items to the next stage (`down`). A pipeline (./pipeline.ts) wires
 * consecutive stages into one chain and drives it from one source, so `take(filter(map(xs)))`
 * costs one iterator, not three. Every stage is written once and runs in sync and async
 * pipelines alike.
 *
 * The contract, for `start`, `push` and `flush` alike: the return value (a `Step`) is `true`
 * when this stage wants no more input, and then everything downstream of it has been flushed
 * already. So "stop" travels upstream (to the driver, which closes the source) and "end of
 * input" travels downstream (each stage emits what it holds, then flushes its `down`).
 *
 * - `start()` runs before the first item is pulled (`take(xs, 0)` stops there, without
 *   touching the source; `accumulate` with an initial value emits it there).
 * - `push(item)` handles one item.
 * - `flush()` handles the end of input and always returns `true`.
 *
 * In an async pipeline (`async` is true), a callback may return a promise; the stage awaits it,
 * and its Step is then a promise. A sync pipeline treats promises as plain values.
 */
import { isPromiseLike, andThen, type MaybePromise } from '../internal/maybe-async.js';

/** `true`: stop, and downstream is flushed; `false`: go on. A promise of that in async pipelines. */
export type Step = MaybePromise<boolean>;

/** Where a stage sends its items: the next stage, or the pipeline's output buffer. */
export interface Sink<T> {
  start(): Step;
  push(item: T): Step;
  flush(): Step;
}

/** Base class of the stages: passes `start` and `flush` down unless a stage overrides them. */
export abstract class Stage<I, O> implements Sink<I> {
  /** The next stage; set when the pipeline is wired, before `start`. */
  down!: Sink<O>;
  /** True in an async pipeline, where callbacks may return promises. */
  async = false;

  start(): Step {
    return this.down.start();
  }

  abstract push(item: I): Step;

  flush(): Step {
    return this.down.flush();
  }

  /** Sends a last item down, then flushes (unless downstream stopped on it). */
  protected pushLast(item: O): Step {
    return andThen(this.down.push(item), (stop) => stop || this.down.flush());
  }

  /** Calls `next` with a callback's result, after awaiting it if this is an async pipeline. */
  protected settle<R>(result: R | PromiseLike<R>, next: (value: R) => Step): Step {
    return this.async && isPromiseLike(result) ? Promise.resolve(result).then(next) : next(result as R);
  }
}
