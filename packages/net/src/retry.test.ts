import { describe, expect, it } from 'vitest';
import { ConnectionError, HttpStatusError, IdleTimeoutError } from './errors.js';
import { backoffDelay, isRetryable, withRetries, type RetryPolicy } from './retry.js';

const policy: RetryPolicy = { retries: 3, baseDelayMs: 1, maxDelayMs: 4 };
const dropped = (): ConnectionError => new ConnectionError('http://x/', 'bytes=0-9', new Error('reset'));

describe('backoffDelay', () => {
  it('doubles up to the cap, with jitter between half and the whole', () => {
    const big: RetryPolicy = { retries: 9, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, { ...big, random: () => 0 }))).toEqual([50, 100, 200, 400, 500]);
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, { ...big, random: () => 0.999999 }).toFixed(0))).toEqual(['100', '200', '400', '800', '1000']);
  });
});

describe('isRetryable', () => {
  it('retries dropped or idle connections and busy statuses, nothing else', () => {
    expect(isRetryable(dropped())).toBe(true);
    expect(isRetryable(new IdleTimeoutError('http://x/', 10))).toBe(true);
    expect([408, 429, 500, 502, 503, 504].every((status) => isRetryable(new HttpStatusError('http://x/', status)))).toBe(true);
    expect([400, 401, 403, 404, 416, 501].some((status) => isRetryable(new HttpStatusError('http://x/', status)))).toBe(false);
    expect(isRetryable(new Error('disk full'))).toBe(false);
  });
});

describe('withRetries', () => {
  it('gives up after retries + 1 attempts without progress, with the last error', async () => {
    let attempts = 0;
    const error = await withRetries(async () => {
      attempts++;
      throw dropped();
    }, policy).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(attempts).toBe(4);
  });

  it('keeps going as long as each failed attempt made progress', async () => {
    let position = 0;
    const result = await withRetries(
      async () => {
        position += 10;
        if (position < 100) throw dropped();
        return position;
      },
      policy,
      { progress: () => position },
    );
    expect(result).toBe(100);
  });

  it('rethrows a fatal error at once, and stops waiting when aborted', async () => {
    let attempts = 0;
    await expect(
      withRetries(async () => {
        attempts++;
        throw new HttpStatusError('http://x/', 404);
      }, policy),
    ).rejects.toMatchObject({ status: 404 });
    expect(attempts).toBe(1);

    const controller = new AbortController();
    const slow: RetryPolicy = { retries: 5, baseDelayMs: 60_000, maxDelayMs: 60_000 };
    const pending = withRetries(async () => Promise.reject(dropped()), slow, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stop')), 5);
    await expect(pending).rejects.toThrow('stop');
  });
});
