import { describe, expect, it } from 'vitest';
import { sleep } from '../tasks/sleep.js';
import { asyncProbe, syncProbe } from '../test-support/probes.js';
import { mapConcurrent } from './map-concurrent.js';
import { count } from './sources.js';
import { toArray } from './to-array.js';

describe('mapConcurrent', () => {
  it('runs at most `concurrency` calls at once and keeps source order by default', async () => {
    let running = 0;
    let most = 0;
    const results = await toArray(
      mapConcurrent(
        [30, 10, 20, 5, 15, 1],
        async (ms) => {
          running++;
          most = Math.max(most, running);
          await sleep(ms);
          running--;
          return ms;
        },
        { concurrency: 3 },
      ),
    );
    expect(results).toEqual([30, 10, 20, 5, 15, 1]);
    expect(most).toBe(3);
  });

  it('unordered, yields results as they complete', async () => {
    const results = await toArray(mapConcurrent([40, 5, 20], async (ms) => (await sleep(ms), ms), { concurrency: 3, ordered: false }));
    expect(results).toEqual([5, 20, 40]);
  });

  it('applies backpressure: never reads more than `concurrency` items ahead of the consumer', async () => {
    const { source, log } = syncProbe();
    const squares = mapConcurrent(source, async (n) => n * n, { concurrency: 4 });
    const first = await squares.next();
    expect(first.value).toBe(0);
    await sleep(10); // the consumer dawdles; the reader must wait for it
    expect(log.pulled).toBeLessThanOrEqual(5);
    await squares.return?.();
    expect(log.closed).toBe(true);
  });

  it('on break: aborts the calls in flight, closes the source, and returns only when they have settled', async () => {
    const { source, log } = asyncProbe();
    const started: number[] = [];
    const aborted: number[] = [];
    const settled: number[] = [];
    for await (const n of mapConcurrent(
      source,
      async (item, _i, signal) => {
        started.push(item);
        try {
          await sleep(item === 0 ? 1 : 1_000, { signal });
          return item;
        } catch (error) {
          aborted.push(item);
          throw error;
        } finally {
          settled.push(item);
        }
      },
      { concurrency: 3 },
    )) {
      expect(n).toBe(0);
      break;
    }
    expect(log.closed).toBe(true);
    expect(settled.sort()).toEqual(started.sort()); // nothing left running
    expect(aborted.length).toBeGreaterThan(0);
  });

  it('the first error aborts the calls in flight at once and is thrown to the consumer', async () => {
    const { source, log } = syncProbe();
    const seen: number[] = [];
    const run = toArray(
      mapConcurrent(
        source,
        async (n, _i, signal) => {
          if (n === 2) throw new Error('item 2 failed');
          await sleep(50, { signal });
          seen.push(n);
          return n;
        },
        { concurrency: 3 },
      ),
    );
    await expect(run).rejects.toThrow('item 2 failed');
    expect(log.closed).toBe(true);
    expect(seen).toEqual([]); // the others were aborted
  });

  it('passes a source error on after the results before it', async () => {
    async function* broken(): AsyncGenerator<number> {
      yield 1;
      yield 2;
      await sleep(20);
      throw new Error('source failed');
    }
    const got: number[] = [];
    await expect(
      (async () => {
        for await (const n of mapConcurrent(broken(), async (n) => n * 10, { concurrency: 2 })) got.push(n);
      })(),
    ).rejects.toThrow('source failed');
    expect(got).toEqual([10, 20]);
  });

  it('the caller’s signal stops it with the signal’s reason', async () => {
    const controller = new AbortController();
    const squares = mapConcurrent(count(), async (n, _i, signal) => (await sleep(1_000, { signal }), n), { concurrency: 2, signal: controller.signal });
    const next = squares.next();
    setTimeout(() => controller.abort(new Error('caller gave up')), 5);
    await expect(next).rejects.toThrow('caller gave up');
  });

  it('checks its options', () => {
    expect(() => mapConcurrent([1], async (n) => n, { concurrency: 0 })).toThrow(/`concurrency`/);
    expect(() => mapConcurrent([1], 'x' as never, { concurrency: 1 })).toThrow(/`fn`/);
  });
});
