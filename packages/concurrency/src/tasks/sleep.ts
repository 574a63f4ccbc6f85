/** `sleep`: a timer as a promise that an `AbortSignal` can cancel. */
import { checkMs } from '../internal/validate.js';
import type { AbortOptions } from '../types.js';

/**
 * Resolves after `ms` milliseconds (Python's `asyncio.sleep`). Aborting the signal clears the
 * timer and rejects with `signal.reason`.
 *
 * @example
 * ```ts
 * await sleep(100);
 * await sleep(60_000, { signal: AbortSignal.timeout(50) }); // rejects after 50 ms
 * ```
 */
export function sleep(ms: number, options: AbortOptions = {}): Promise<void> {
  checkMs('ms', ms);
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
