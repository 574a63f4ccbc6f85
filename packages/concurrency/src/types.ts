/** Option shapes shared across the package. */

/** Options of every method that waits. */
export interface AbortOptions {
  /**
   * Aborting it stops the wait: the promise rejects with `signal.reason` and the waiter is
   * removed. An already aborted signal rejects at once.
   */
  readonly signal?: AbortSignal | undefined;
}
