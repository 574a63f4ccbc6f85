/** `filter`: the items for which a predicate is truthy. */
import { Stage, type Step } from '../stage.js';

/** Sends an item down when `test(item, index)` is truthy. */
export class FilterStage<T> extends Stage<T, T> {
  readonly #test: (item: T, index: number) => unknown;
  #index = 0;

  /** @param test - the predicate; may return a promise in an async pipeline. */
  constructor(test: (item: T, index: number) => unknown) {
    super();
    this.#test = test;
  }

  push(item: T): Step {
    const keep = this.#test(item, this.#index++);
    if (this.async) return this.settle(keep, (ok) => (ok ? this.down.push(item) : false));
    return keep ? this.down.push(item) : false;
  }
}
