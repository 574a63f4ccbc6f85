/**
 * `timeout` and `waitFor`: deadlines that abort the work, not just the waiting. The work gets a
 * signal that aborts with a `TimeoutError` at the deadline; the helper then waits for the work
 * to finish (it should stop promptly, having been told) and rejects with the `TimeoutError`.
 * That is asyncio's behaviour too: `wait_for` cancels the task and waits for it.
 */
import { TimeoutError, isCancellation } from '../errors.js';
import { LinkedController, raceSignal } from '../internal/abort.js';
import { checkFunction, checkMs } from '../internal/validate.js';
import type { AbortOptions } from '../types.js';
import { startWork, type Work, type WorkResult } from './work.js';

/**
 * Runs `body` with a deadline (Python 3.11's `asyncio.timeout`). `body` receives a signal that
 * aborts after `ms` (or when `options.signal` aborts); on the deadline, the result is a
 * `TimeoutError`, unless `body` finished anyway. `Infinity` means no deadline.
 *
 * @example
 * ```ts
 * const text = await timeout(2_000, async (signal) => {
 *   const res = await fetch(url, { signal });
 *   return res.text();
 * }); // TimeoutError after 2 s, and the request is aborted
 * ```
 */
export async function timeout<T>(
  ms: number,
  body: (signal: AbortSignal) => T | PromiseLike<T>,
  options: AbortOptions = {},
): Promise<T> {
  checkMs('ms', ms);
  checkFunction('body', body);
  const link = new LinkedController(options.signal);
  const expired = new TimeoutError(ms);
  const timer = ms === Infinity ? undefined : setTimeout(() => link.abort(expired), ms);
  try {
    return await startWork(body, link.signal);
  } catch (error) {
    if (link.signal.reason === expired && (error === expired || isCancellation(error))) throw expired;
    throw error;
  } finally {
    clearTimeout(timer);
    link.dispose();
  }
}

/**
 * Waits at most `ms` for `work` (Python's `asyncio.wait_for`). Give it a function
 * `(signal) => promise` and the deadline aborts the work, as `timeout` does; give it a promise
 * and it can only stop waiting (a promise cannot be cancelled), rejecting with `TimeoutError`
 * at the deadline while the promise runs on.
 *
 * @example
 * ```ts
 * await waitFor((signal) => sleep(10_000, { signal }), 100); // TimeoutError; the timer is cleared
 * ```
 */
export function waitFor<W extends Work<unknown>>(work: W, ms: number, options: AbortOptions = {}): Promise<WorkResult<W>> {
  if (typeof work === 'function') {
    return timeout(ms, work as (signal: AbortSignal) => WorkResult<W>, options);
  }
  checkMs('ms', ms);
  const link = new LinkedController(options.signal);
  const timer = ms === Infinity ? undefined : setTimeout(() => link.abort(new TimeoutError(ms)), ms);
  return raceSignal(work as PromiseLike<WorkResult<W>>, link.signal).finally(() => {
    clearTimeout(timer);
    link.dispose();
  });
}
