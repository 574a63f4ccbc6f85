// Retry with exponential backoff: the module that notebook 17-mocking.ipynb tests with fake timers,
// and retry.test.ts tests with vitest.
//
// How it works: attempt 1 runs at once. After a failure that `shouldRetry` accepts, wait
// min(baseDelayMs * 2^(n-1), maxDelayMs) before attempt n + 1, scaled down by up to `jitter`
// (0 = exact delays, 1 = "full jitter": anywhere between 0 and the delay) so that many clients
// that failed together do not retry together. After `attempts` failures, throw RetryError with
// the last error as its `cause`. Waiting uses the global setTimeout, so fake timers control it.
import { RetryError } from "./errors.js";

export { RetryError };

/** How `retry` spaces and limits its attempts. */
export interface RetryOptions {
  /** Attempts in all, the first included (default 4). */
  attempts?: number;
  /** The wait before the second attempt, in milliseconds (default 100); it doubles each time. */
  baseDelayMs?: number;
  /** The longest wait between two attempts (default 2000). */
  maxDelayMs?: number;
  /** How much of each wait is random, from 0 (none, the default) to 1 (full jitter). */
  jitter?: number;
  /** Whether an error is worth another attempt (default: every error is). */
  shouldRetry?: (error: unknown) => boolean;
  /** Called before each wait, for logging and metrics. */
  onRetry?: (event: { attempt: number; delayMs: number; error: unknown }) => void;
}

/**
 * The wait after failed attempt `attempt` (1-based), before jitter.
 * @example backoffDelay(3, 100, 2000) // 400
 */
export function backoffDelay(attempt: number, baseDelayMs: number, maxDelayMs: number): number {
  return Math.min(baseDelayMs * 2 ** (attempt - 1), maxDelayMs);
}

/**
 * Runs `task` until it succeeds, waiting longer after each failure.
 * @example
 * const body = await retry(() => fetchJson(url), { attempts: 3, baseDelayMs: 200 });
 */
export async function retry<T>(task: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { attempts = 4, baseDelayMs = 100, maxDelayMs = 2000, jitter = 0 } = options;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await task(attempt);
    } catch (error) {
      if (attempt >= attempts || options.shouldRetry?.(error) === false) throw new RetryError(attempt, error);
      const full = backoffDelay(attempt, baseDelayMs, maxDelayMs);
      const delayMs = Math.round(full * (1 - jitter * Math.random()));
      options.onRetry?.({ attempt, delayMs, error });
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
