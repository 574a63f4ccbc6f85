/** `accumulate`: running totals (or running results of any two-argument function). */
import { andThen } from '../../internal/maybe-async.js';
import { Stage, type Step } from '../stage.js';

/**
 * Sends `total = fn(total, item)` down for each item. With an initial value, sends that first
 * (even for an empty source); without, the first item is the first total.
 */
export class AccumulateStage<T, A> extends Stage<T, A> {
  readonly #fn: (total: A, item: T) => A | PromiseLike<A>;
  readonly #hasInitial: boolean;
  readonly #update = (total: A): Step => {
    this.#total = total;
    return this.down.push(total);
  };
  #total: A | undefined;
  #started = false;

  /**
   * @param fn - combines the running total with the next item.
   * @param initial - `{ value }` for an initial total, or `undefined` for none.
   */
  constructor(fn: (total: A, item: T) => A | PromiseLike<A>, initial: { value: A } | undefined) {
    super();
    this.#fn = fn;
    this.#hasInitial = initial !== undefined;
    this.#total = initial?.value;
    this.#started = this.#hasInitial;
  }

  override start(): Step {
    const step = this.down.start();
    return this.#hasInitial ? andThen(step, (stop) => stop || this.down.push(this.#total as A)) : step;
  }

  push(item: T): Step {
    if (this.#started) return this.settle(this.#fn(this.#total as A, item), this.#update);
    this.#started = true;
    return this.#update(item as unknown as A);
  }
}
