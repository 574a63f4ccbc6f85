/** `islice` and `take`: the items at indices start, start+step, … below stop. */
import { andThen } from '../../internal/maybe-async.js';
import { Stage, type Step } from '../stage.js';

/** Passes the items whose index is in `range(start, stop, step)`, then stops without reading on. */
export class SliceStage<T> extends Stage<T, T> {
  readonly #stop: number;
  readonly #step: number;
  #index = 0;
  #next: number;

  /**
   * @param start - the first index passed.
   * @param stop - the index to stop before (`Infinity` for none).
   * @param step - the distance between passed indices.
   */
  constructor(start: number, stop: number, step: number) {
    super();
    this.#next = start;
    this.#stop = stop;
    this.#step = step;
  }

  override start(): Step {
    return andThen(this.down.start(), (stop) => stop || (this.#next < this.#stop ? false : this.down.flush()));
  }

  push(item: T): Step {
    if (this.#index++ < this.#next) return false;
    this.#next += this.#step;
    return this.#next < this.#stop ? this.down.push(item) : this.pushLast(item);
  }
}
