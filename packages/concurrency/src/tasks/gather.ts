/** `gather`: asyncio's gather, run all and collect the results in order. */
import { NEVER_ABORTED, raceSignal } from '../internal/abort.js';
import type { AbortOptions } from '../types.js';
import { startWork, type Work, type WorkResult } from './work.js';

/** Options of `gather`. */
export interface GatherOptions extends AbortOptions {
  /** Put errors in the result array instead of rejecting with the first one (default false). */
  readonly returnExceptions?: boolean | undefined;
}

/** The results of `gather` over `W`, in order. */
export type Gathered<W extends readonly unknown[], E = never> = { -readonly [K in keyof W]: WorkResult<W[K]> | E };

/**
 * Runs every piece of work at once and resolves with their results in order (Python's
 * `asyncio.gather`). Functions are called with `options.signal`. The first failure rejects the
 * gather, but the others keep running (as in Python; use a `TaskGroup` to cancel them). With
 * `returnExceptions`, each failure's error takes its place in the results instead. Aborting
 * the signal rejects the gather with its reason and tells the functions to stop.
 *
 * @example
 * ```ts
 * const [user, orders] = await gather([(signal) => getUser(id, signal), getOrders(id)]);
 * const results = await gather([ok(), fails()], { returnExceptions: true }); // [value, Error]
 * ```
 */
export function gather<W extends readonly Work<unknown>[]>(
  works: readonly [...W],
  options?: GatherOptions & { readonly returnExceptions?: false | undefined },
): Promise<Gathered<W>>;
export function gather<W extends readonly Work<unknown>[]>(
  works: readonly [...W],
  options: GatherOptions & { readonly returnExceptions: true },
): Promise<Gathered<W, Error>>;
export function gather(works: readonly Work<unknown>[], options: GatherOptions = {}): Promise<unknown[]> {
  const { signal, returnExceptions = false } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  const started = works.map((work) => startWork(work, signal ?? NEVER_ABORTED));
  const all = Promise.all(returnExceptions ? started.map((p) => p.catch((error: unknown) => error)) : started);
  return raceSignal(all, signal);
}
