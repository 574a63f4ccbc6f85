import { describe, expect, it } from 'vitest';
import { TimeoutError } from '../errors.js';
import { sleep } from './sleep.js';
import { timeout, waitFor } from './timeout.js';

describe('sleep', () => {
  it('resolves after the delay; an abort clears the timer and rejects with the reason', async () => {
    const start = performance.now();
    await sleep(20);
    expect(performance.now() - start).toBeGreaterThanOrEqual(15);
    const controller = new AbortController();
    const long = sleep(60_000, { signal: controller.signal });
    controller.abort(new Error('woken'));
    await expect(long).rejects.toThrow('woken');
    await expect(sleep(1, { signal: AbortSignal.abort(new Error('early')) })).rejects.toThrow('early');
    expect(() => sleep(-1)).toThrow(RangeError);
  });
});

describe('timeout', () => {
  it('returns the body’s value when it finishes in time', async () => {
    expect(await timeout(1_000, async () => 42)).toBe(42);
    expect(await timeout(Infinity, () => 'no deadline')).toBe('no deadline');
  });

  it('aborts the body’s signal at the deadline, waits for it to stop, and rejects with TimeoutError', async () => {
    let stopped = false;
    const run = timeout(20, async (signal) => {
      try {
        await sleep(60_000, { signal });
      } finally {
        stopped = true;
      }
    });
    await expect(run).rejects.toBeInstanceOf(TimeoutError);
    expect(stopped).toBe(true); // the work was aborted, not abandoned
  });

  it('a body that finishes anyway after the deadline keeps its result; its own errors pass through', async () => {
    expect(await timeout(5, async () => (await sleep(30), 'late but done'))).toBe('late but done');
    await expect(timeout(1_000, async () => { throw new Error('own error'); })).rejects.toThrow('own error');
  });

  it('the caller’s signal aborts it with its own reason, not a TimeoutError', async () => {
    const controller = new AbortController();
    const run = timeout(1_000, (signal) => sleep(60_000, { signal }), { signal: controller.signal });
    controller.abort(new Error('user cancelled'));
    await expect(run).rejects.toThrow('user cancelled');
  });
});

describe('waitFor', () => {
  it('with a function, aborts the work at the deadline', async () => {
    let aborted = false;
    const run = waitFor(async (signal) => {
      signal.addEventListener('abort', () => (aborted = true));
      await sleep(60_000, { signal });
    }, 10);
    await expect(run).rejects.toThrow(TimeoutError);
    expect(aborted).toBe(true);
  });

  it('with a promise, stops waiting at the deadline (the promise cannot be cancelled)', async () => {
    expect(await waitFor(Promise.resolve('fast'), 100)).toBe('fast');
    const slow = sleep(50).then(() => 'slow');
    await expect(waitFor(slow, 5)).rejects.toThrow(/Timed out after 5 ms/);
    expect(await slow).toBe('slow');
    await expect(waitFor(Promise.reject(new Error('failed')), 100)).rejects.toThrow('failed');
  });
});
