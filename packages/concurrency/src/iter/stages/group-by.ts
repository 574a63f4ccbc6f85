/** `groupBy`: runs of consecutive items with the same key, like Python's itertools.groupby. */
import { Stage, type Step } from '../stage.js';

/** Sends `[key, items]` down for each run of consecutive items whose keys are equal (SameValueZero). */
export class GroupByStage<T, K> extends Stage<T, [K, T[]]> {
  readonly #keyOf: (item: T) => K | PromiseLike<K>;
  #key: K | undefined = undefined;
  #group: T[] | undefined = undefined;

  /** @param keyOf - the key of an item; may return a promise in an async pipeline. */
  constructor(keyOf: (item: T) => K | PromiseLike<K>) {
    super();
    this.#keyOf = keyOf;
  }

  push(item: T): Step {
    const key = this.#keyOf(item);
    return this.async ? this.settle(key, (k) => this.#add(k, item)) : this.#add(key as K, item);
  }

  override flush(): Step {
    return this.#group === undefined ? this.down.flush() : this.pushLast(this.#takeRun());
  }

  #add(key: K, item: T): Step {
    if (this.#group !== undefined && sameValueZero(key, this.#key)) {
      this.#group.push(item);
      return false;
    }
    const step = this.#group === undefined ? false : this.down.push(this.#takeRun());
    this.#key = key;
    this.#group = [item];
    return step;
  }

  #takeRun(): [K, T[]] {
    const run: [K, T[]] = [this.#key as K, this.#group ?? []];
    this.#group = undefined;
    return run;
  }
}

function sameValueZero(a: unknown, b: unknown): boolean {
  return a === b || (a !== a && b !== b);
}
