/** `pairwise`: each item with the one before it. */
import { Stage, type Step } from '../stage.js';

/** Sends `[previous, item]` down for every item but the first. */
export class PairwiseStage<T> extends Stage<T, [T, T]> {
  #previous: T | undefined = undefined;
  #started = false;

  push(item: T): Step {
    const previous = this.#previous as T;
    this.#previous = item;
    if (this.#started) return this.down.push([previous, item]);
    this.#started = true;
    return false;
  }
}
