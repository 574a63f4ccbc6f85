/**
 * Retrying with exponential backoff and jitter. The n-th consecutive failure waits a random time
 * between d/2 and d, where d = min(maxDelayMs, baseDelayMs · 2^(n−1)) ("equal jitter"): the
 * doubling backs off from a struggling server, the randomness keeps several connections that
 * failed together from retrying in lockstep.
 *
 * "Consecutive" is what makes it fit downloads: an attempt that made progress (wrote bytes
 * before its connection dropped) resets the count, so a long segment over a flaky link keeps
 * going as long as it keeps moving, while a server that fails every request gives up after
 * `retries + 1` attempts.
 */
import { sleep } from '@scalable-ts/concurrency';
import { ConnectionError, HttpStatusError, IdleTimeoutError } from './errors.js';

/** How to retry. */
export interface RetryPolicy {
  /** Retries after consecutive failures without progress; 0 means one attempt only. */
  readonly retries: number;
  /** The first delay's upper bound, in milliseconds. */
  readonly baseDelayMs: number;
  /** The cap on any delay, in milliseconds. */
  readonly maxDelayMs: number;
  /** A source of numbers in [0, 1); `Math.random` unless a test seeds it. */
  readonly random?: () => number;
}

/** What {@link withRetries} needs besides the policy. */
export interface RetryContext {
  /** Aborting it stops waiting and rejects with its reason. */
  readonly signal?: AbortSignal | undefined;
  /** Returns a number that grows when an attempt makes progress (bytes written). */
  readonly progress?: () => number;
  /** Called before each wait, with the error and the count of consecutive failures. */
  readonly onRetry?: (error: unknown, failures: number) => void;
}

/**
 * The wait before retrying after `failures` consecutive failures (1 for the first), in ms.
 *
 * @example
 * ```ts
 * backoffDelay(3, { retries: 5, baseDelayMs: 100, maxDelayMs: 10_000 }); // between 200 and 400
 * ```
 */
export function backoffDelay(failures: number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failures - 1));
  return ceiling / 2 + (policy.random ?? Math.random)() * (ceiling / 2);
}

/**
 * Whether an error is a transient one worth retrying: a dropped or idle connection, or an HTTP
 * status that means "busy, try again" (408, 425, 429, 5xx but 501).
 */
export function isRetryable(error: unknown): boolean {
  return (
    error instanceof ConnectionError ||
    error instanceof IdleTimeoutError ||
    (error instanceof HttpStatusError && error.retryable)
  );
}

/**
 * Runs `attempt` until it resolves, retrying {@link isRetryable} failures with backoff; rethrows
 * anything else at once, and the last failure once `retries` consecutive retries made no progress.
 *
 * @example
 * ```ts
 * const response = await withRetries(() => probe(url), { retries: 3, baseDelayMs: 100, maxDelayMs: 2000 });
 * ```
 */
export async function withRetries<T>(attempt: () => Promise<T>, policy: RetryPolicy, context: RetryContext = {}): Promise<T> {
  const { signal, progress, onRetry } = context;
  let failures = 0;
  for (;;) {
    const before = progress?.() ?? 0;
    try {
      return await attempt();
    } catch (error) {
      if (!isRetryable(error) || signal?.aborted) throw error;
      failures = (progress?.() ?? 0) > before ? 1 : failures + 1;
      if (failures > policy.retries) throw error;
      onRetry?.(error, failures);
      await sleep(backoffDelay(failures, policy), signal ? { signal } : {});
    }
  }
}
