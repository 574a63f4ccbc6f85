/**
 * What the structured-concurrency helpers run: a promise that is already running, or a
 * function they start with a signal. Only the second kind can be aborted, so prefer it.
 */

/** A promise, or a function that starts the work and honours the signal it is given. */
export type Work<T> = PromiseLike<T> | ((signal: AbortSignal) => T | PromiseLike<T>);

/** The value a piece of work resolves to. */
export type WorkResult<W> = W extends (signal: AbortSignal) => infer R ? Awaited<R> : Awaited<W>;

/** How one piece of work ended, with its position in the list it came from. */
export type Settled<T> = { readonly index: number } & (
  | { readonly status: 'fulfilled'; readonly value: T }
  | { readonly status: 'rejected'; readonly reason: unknown }
);

/** Starts `work` (calling it with `signal` if it is a function); a synchronous throw rejects. */
export function startWork<T>(work: Work<T>, signal: AbortSignal): Promise<T> {
  if (typeof work !== 'function') return Promise.resolve(work);
  try {
    return Promise.resolve(work(signal));
  } catch (error) {
    return Promise.reject(error);
  }
}
