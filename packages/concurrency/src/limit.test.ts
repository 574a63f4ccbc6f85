import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CancelledError } from './errors.js';
import { limit } from './limit.js';
import { sleep } from './tasks/sleep.js';
import { tick } from './test-support/probes.js';

describe('limit', () => {
  it('never runs more than `concurrency` jobs, starts them in call order, and returns their results', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5 }), fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 25 }), async (n, delays) => {
        const limited = limit(n);
        let running = 0;
        let most = 0;
        const started: number[] = [];
        const results = await Promise.all(
          delays.map((ms, i) =>
            limited(async () => {
              started.push(i);
              running++;
              most = Math.max(most, running);
              await sleep(ms);
              running--;
              return i * 2;
            }),
          ),
        );
        expect(results).toEqual(delays.map((_, i) => i * 2));
        expect(started).toEqual(delays.map((_, i) => i));
        expect(most).toBe(Math.min(n, delays.length));
        expect([limited.activeCount, limited.pendingCount]).toEqual([0, 0]);
      }),
      { numRuns: 40 },
    );
  });

  it('passes arguments, counts active and pending jobs, and survives failures', async () => {
    const limited = limit(1);
    const add = async (a: number, b: number) => (await tick(), a + b);
    const first = limited(add, 1, 2);
    const second = limited(() => {
      throw new Error('sync failure');
    });
    const third = limited(add, 3, 4);
    expect([limited.activeCount, limited.pendingCount]).toEqual([1, 2]);
    expect(await first).toBe(3);
    await expect(second).rejects.toThrow('sync failure');
    expect(await third).toBe(7);
  });

  it('clearQueue drops the waiting jobs (their promises reject with CancelledError)', async () => {
    const limited = limit(1);
    const running = limited(() => sleep(10).then(() => 'ran'));
    const waiting = [limited(async () => 'never'), limited(async () => 'never')];
    limited.clearQueue();
    expect(limited.pendingCount).toBe(0);
    for (const job of waiting) await expect(job).rejects.toBeInstanceOf(CancelledError);
    expect(await running).toBe('ran');
  });

  it('run(fn, { signal }): an abort while waiting removes the job; fn gets the signal', async () => {
    const limited = limit(1);
    const controller = new AbortController();
    const busy = limited.run((signal) => sleep(20, { signal }));
    let started = false;
    const queued = limited.run(async () => (started = true), { signal: controller.signal });
    controller.abort(new Error('not needed'));
    await expect(queued).rejects.toThrow('not needed');
    expect(limited.pendingCount).toBe(0);
    await busy;
    expect(started).toBe(false);
    await expect(limited.run(async () => 1, { signal: AbortSignal.abort(new Error('pre')) })).rejects.toThrow('pre');
  });

  it('raising concurrency starts waiting jobs at once; bad values are refused', async () => {
    const limited = limit(1);
    const jobs = [0, 1, 2].map(() => limited(() => sleep(20)));
    expect(limited.activeCount).toBe(1);
    limited.concurrency = 3;
    expect(limited.concurrency).toBe(3);
    expect(limited.activeCount).toBe(3);
    await Promise.all(jobs);
    expect(() => limit(0)).toThrow(RangeError);
    expect(() => limit(1.5)).toThrow(/`concurrency`/);
    expect(() => (limited.concurrency = -1)).toThrow(/`concurrency`/);
    expect(limit(Infinity).concurrency).toBe(Infinity);
  });
});
