/** `map` and `enumerate`: one item out per item in. */
import { Stage, type Step } from '../stage.js';

/** Sends `fn(item, index)` down for each item. */
export class MapStage<I, O> extends Stage<I, O> {
  readonly #fn: (item: I, index: number) => O | PromiseLike<O>;
  readonly #forward = (value: O): Step => this.down.push(value);
  #index = 0;

  /** @param fn - the mapping; may return a promise in an async pipeline. */
  constructor(fn: (item: I, index: number) => O | PromiseLike<O>) {
    super();
    this.#fn = fn;
  }

  push(item: I): Step {
    const result = this.#fn(item, this.#index++);
    return this.async ? this.settle(result, this.#forward) : this.down.push(result as O);
  }
}
