/** Runs async operations one after another, in call order, as an async generator queues calls. */
import type { MaybePromise } from './maybe-async.js';

export class Serial {
  #tail: Promise<unknown> = Promise.resolve();

  /** Runs `operation` once every earlier one has settled; settles like it. */
  run<R>(operation: () => MaybePromise<R>): Promise<R> {
    const result = this.#tail.then(operation);
    this.#tail = result.then(ignore, ignore);
    return result;
  }
}

function ignore(): void {}
