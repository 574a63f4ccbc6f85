/** `batched`: arrays of n items, the last one possibly shorter. */
import { Stage, type Step } from '../stage.js';

/** Collects items into arrays of `size`, sending each down when full and the rest at the end. */
export class BatchedStage<T> extends Stage<T, T[]> {
  readonly #size: number;
  #batch: T[] = [];

  /** @param size - the batch length. */
  constructor(size: number) {
    super();
    this.#size = size;
  }

  push(item: T): Step {
    this.#batch.push(item);
    return this.#batch.length < this.#size ? false : this.down.push(this.#takeBatch());
  }

  override flush(): Step {
    return this.#batch.length === 0 ? this.down.flush() : this.pushLast(this.#takeBatch());
  }

  #takeBatch(): T[] {
    const batch = this.#batch;
    this.#batch = [];
    return batch;
  }
}
