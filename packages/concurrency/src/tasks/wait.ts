/** `wait`: asyncio's wait, with its three return conditions. */
import { NEVER_ABORTED } from '../internal/abort.js';
import { checkMs, invalidType } from '../internal/validate.js';
import type { AbortOptions } from '../types.js';
import { startWork, type Settled, type Work } from './work.js';

/** Return as soon as any piece of work settles. */
export const FIRST_COMPLETED = 'FIRST_COMPLETED';
/** Return as soon as any piece of work fails, or when all have settled. */
export const FIRST_EXCEPTION = 'FIRST_EXCEPTION';
/** Return when every piece of work has settled (the default). */
export const ALL_COMPLETED = 'ALL_COMPLETED';

/** When `wait` returns. */
export type ReturnWhen = typeof FIRST_COMPLETED | typeof FIRST_EXCEPTION | typeof ALL_COMPLETED;

/** Options of `wait`. */
export interface WaitOptions extends AbortOptions {
  /** When to return (default `ALL_COMPLETED`). */
  readonly returnWhen?: ReturnWhen | undefined;
  /** Return after this many milliseconds at the latest, with what has settled by then. */
  readonly timeout?: number | undefined;
}

/** A piece of work still running when `wait` returned. */
export interface Pending<T> {
  /** Its position in the list given to `wait`. */
  readonly index: number;
  /** Its promise, to await later. */
  readonly promise: Promise<T>;
}

/** What `wait` returns: what has settled, in the order it did, and what has not. */
export interface WaitResult<T> {
  readonly done: Settled<T>[];
  readonly pending: Pending<T>[];
}

/**
 * Starts every piece of work and waits until the `returnWhen` condition holds or `timeout`
 * passes (Python's `asyncio.wait`). Never rejects because of the work: failures are reported
 * in `done`; work still running is returned in `pending` and keeps running (it is not
 * cancelled). Functions are called with `options.signal`, whose abort rejects the wait.
 *
 * @example
 * ```ts
 * const { done, pending } = await wait([slow(), fast()], { returnWhen: FIRST_COMPLETED });
 * done[0];           // { index: 1, status: 'fulfilled', value: … }
 * await pending[0].promise;
 * ```
 */
export function wait<T>(works: Iterable<Work<T>>, options: WaitOptions = {}): Promise<WaitResult<T>> {
  const { signal, returnWhen = ALL_COMPLETED, timeout = Infinity } = options;
  checkMs('timeout', timeout);
  if (![FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED].includes(returnWhen)) {
    throw invalidType('returnWhen', 'FIRST_COMPLETED, FIRST_EXCEPTION or ALL_COMPLETED', returnWhen);
  }
  const list = [...works];
  if (list.length === 0) throw invalidType('works', 'a non-empty list', list);
  if (signal?.aborted) return Promise.reject(signal.reason);
  const promises = list.map((work) => startWork(work, signal ?? NEVER_ABORTED));

  return new Promise<WaitResult<T>>((resolve, reject) => {
    const done: Settled<T>[] = [];
    const pending = new Map(promises.map((promise, index) => [index, promise]));
    let over = false;
    const end = (): void => {
      over = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      end();
      reject(signal?.reason);
    };
    const record = (settled: Settled<T>): void => {
      if (over) return;
      pending.delete(settled.index);
      done.push(settled);
      const failed = settled.status === 'rejected';
      if (pending.size === 0 || returnWhen === FIRST_COMPLETED || (returnWhen === FIRST_EXCEPTION && failed)) finish();
    };
    const finish = (): void => {
      end();
      resolve({ done, pending: [...pending].map(([index, promise]) => ({ index, promise })) });
    };
    const timer = timeout === Infinity ? undefined : setTimeout(finish, timeout);
    signal?.addEventListener('abort', onAbort, { once: true });
    promises.forEach((promise, index) =>
      promise.then(
        (value) => record({ index, status: 'fulfilled', value }),
        (reason: unknown) => record({ index, status: 'rejected', reason }),
      ),
    );
  });
}
