import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IteratorFusedError } from '../errors.js';
import { asyncProbe, fromArray, syncProbe } from '../test-support/probes.js';
import { count } from './sources.js';
import { toArray } from './to-array.js';
import { accumulate, batched, enumerate, filter, groupBy, islice, map, pairwise, take } from './transform.js';
import type { AnyIterable } from './source.js';

// Each operator next to an eager model of it on arrays; all map numbers to numbers so that any
// chain of them is well typed.
type Op = { name: string; lazy: (s: AnyIterable<number>) => AnyIterable<number>; model: (xs: number[]) => number[] };
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const ops: fc.Arbitrary<Op> = fc.oneof(
  fc.constant<Op>({ name: 'map', lazy: (s) => map(s, (x, i) => x * 3 + i), model: (xs) => xs.map((x, i) => x * 3 + i) }),
  fc.constant<Op>({ name: 'filter', lazy: (s) => filter(s, (x) => x % 2 === 0), model: (xs) => xs.filter((x) => x % 2 === 0) }),
  fc.nat(6).map<Op>((n) => ({ name: `take(${n})`, lazy: (s) => take(s, n), model: (xs) => xs.slice(0, n) })),
  fc.tuple(fc.nat(4), fc.option(fc.nat(8)), fc.integer({ min: 1, max: 3 })).map<Op>(([start, stop, step]) => ({
    name: `islice(${start},${stop},${step})`,
    lazy: (s) => islice(s, start, stop, step),
    model: (xs) => xs.slice(start, stop ?? undefined).filter((_, i) => i % step === 0),
  })),
  fc.constant<Op>({ name: 'enumerate', lazy: (s) => map(enumerate(s, 10), ([i, x]) => i * x), model: (xs) => xs.map((x, i) => (i + 10) * x) }),
  fc.integer({ min: 1, max: 4 }).map<Op>((n) => ({
    name: `batched(${n})`,
    lazy: (s) => map(batched(s, n), sum),
    model: (xs) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => sum(xs.slice(i * n, i * n + n))),
  })),
  fc.constant<Op>({ name: 'pairwise', lazy: (s) => map(pairwise(s), ([a, b]) => b - a), model: (xs) => xs.slice(1).map((x, i) => x - xs[i]!) }),
  fc.constant<Op>({ name: 'accumulate', lazy: (s) => accumulate(s), model: (xs) => xs.map((_, i) => sum(xs.slice(0, i + 1))) }),
  fc.constant<Op>({
    name: 'accumulate(initial)',
    lazy: (s) => accumulate(s, (a, x) => a - x, 100),
    model: (xs) => [100, ...xs.map((_, i) => 100 - sum(xs.slice(0, i + 1)))],
  }),
  fc.constant<Op>({
    name: 'groupBy',
    lazy: (s) => map(groupBy(s, (x) => x % 3), ([k, run]) => k * 100 + run.length),
    model: (xs) => {
      const runs: number[][] = [];
      for (const x of xs) {
        const last = runs.at(-1);
        if (last !== undefined && last[0]! % 3 === x % 3) last.push(x);
        else runs.push([x]);
      }
      return runs.map((run) => (run[0]! % 3) * 100 + run.length);
    },
  }),
);

describe('iteration helpers against array models (fast-check)', () => {
  const chain = fc.array(ops, { minLength: 1, maxLength: 5 });
  const items = fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 30 });

  it('any chain over a sync source gives what the model gives', () => {
    fc.assert(
      fc.property(items, chain, (xs, steps) => {
        const lazy = steps.reduce<AnyIterable<number>>((s, op) => op.lazy(s), xs);
        const model = steps.reduce((a, op) => op.model(a), xs);
        expect([...(lazy as Iterable<number>)]).toEqual(model);
      }),
    );
  });

  it('the same chain over an async source gives the same items', async () => {
    await fc.assert(
      fc.asyncProperty(items, chain, async (xs, steps) => {
        const lazy = steps.reduce<AnyIterable<number>>((s, op) => op.lazy(s), fromArray(xs));
        expect(Symbol.asyncIterator in lazy).toBe(true);
        expect(await toArray(lazy)).toEqual(steps.reduce((a, op) => op.model(a), xs));
      }),
      { numRuns: 60 },
    );
  });

  it('a chain always leaves its source closed, whether it stops early or runs out', () => {
    fc.assert(
      fc.property(chain, fc.nat(5), (steps, wanted) => {
        const { source, log } = syncProbe(200); // finite: a filter may never pass anything
        const lazy = steps.reduce<AnyIterable<number>>((s, op) => op.lazy(s), source) as Iterable<number>;
        let got = 0;
        for (const _ of lazy) if (++got >= wanted) break;
        // Ended by a break, by take/islice, or by the source running out: the source is closed
        // either way (unless nothing was ever pulled, when there is nothing to close).
        expect(log.closed || log.pulled === 0).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('map, filter, take, islice', () => {
  it('are lazy: an infinite source is fine, and nothing is read before the first next()', () => {
    const { source, log } = syncProbe();
    const squares = map(source, (n) => n * n);
    expect(log.pulled).toBe(0);
    expect([...take(squares, 4)]).toEqual([0, 1, 4, 9]);
    expect(log.pulled).toBe(4); // take(4) does not read a fifth item
    expect(log.closed).toBe(true);
  });

  it('take(0) and islice with start >= stop read nothing', () => {
    const { source, log } = syncProbe();
    expect([...take(source, 0)]).toEqual([]);
    expect([...islice(map(count(), (n) => n), 5, 3)]).toEqual([]);
    expect(log.pulled).toBe(0);
  });

  it('a break closes the source, in sync and async loops', async () => {
    const sync = syncProbe();
    for (const n of filter(map(sync.source, (x) => x + 1), (x) => x > 2)) if (n === 5) break;
    expect(sync.log).toEqual({ pulled: 5, closed: true });
    const async = asyncProbe();
    for await (const n of filter(map(async.source, async (x) => x + 1), async (x) => x > 2)) if (n === 5) break;
    expect(async.log).toEqual({ pulled: 5, closed: true });
  });

  it('a callback that throws closes the source; a source that throws is not closed', async () => {
    const { source, log } = syncProbe();
    const failing = map(source, (n) => {
      if (n === 2) throw new Error('bad item');
      return n;
    });
    expect(() => [...failing]).toThrow('bad item');
    expect(log.closed).toBe(true);
    expect(failing.next()).toEqual({ value: undefined, done: true });

    const asyncRun = asyncProbe();
    await expect(toArray(filter(asyncRun.source, async (n) => { if (n === 3) throw new Error('async bad'); return true; }))).rejects.toThrow('async bad');
    expect(asyncRun.log.closed).toBe(true);

    let closed = false;
    const throwing: Iterable<number> = {
      [Symbol.iterator]: () => ({
        next: () => {
          throw new Error('source broke');
        },
        return: () => {
          closed = true;
          return { value: undefined, done: true };
        },
      }),
    };
    expect(() => [...map(throwing, (n) => n)]).toThrow('source broke');
    expect(closed).toBe(false);
  });

  it('awaits async callbacks over async sources, and keeps promises as values over sync ones', async () => {
    expect(await toArray(map(fromArray([1, 2]), async (n) => n * 2))).toEqual([2, 4]);
    expect(await toArray(filter(fromArray([1, 2, 3]), async (n) => n !== 2))).toEqual([1, 3]);
    const promises = [...map([1], async (n) => n)];
    expect(promises[0]).toBeInstanceOf(Promise);
  });

  it('serializes concurrent next() calls on an async pipeline', async () => {
    const doubled = map(fromArray([1, 2, 3]), async (n) => n * 2);
    const results = await Promise.all([doubled.next(), doubled.next(), doubled.next(), doubled.next()]);
    expect(results.map((r) => r.value)).toEqual([2, 4, 6, undefined]);
  });

  it('fuses a chain into one pipeline; iterating a fused stage directly then throws', () => {
    const doubled = map([1, 2, 3], (n) => n * 2);
    const big = filter(doubled, (n) => n > 2);
    expect([...big]).toEqual([4, 6]);
    expect(() => doubled.next()).toThrow(IteratorFusedError);
  });

  it('does not fuse a pipeline that already started: the next stage reads the rest of it', () => {
    const lines = map(['header', 'a', 'b'], (s) => s.toUpperCase());
    expect(lines.next().value).toBe('HEADER');
    expect([...map(lines, (s) => `${s}!`)]).toEqual(['A!', 'B!']);
  });

  it('return() drops what a stage had emitted but not yet handed out', async () => {
    // take's last item ends the first group and take's end flushes the second: two items from one pull
    const groups = groupBy(take([1, 1, 2, 9], 3));
    expect(groups.next().value).toEqual([1, [1, 1]]);
    expect(groups.return?.()).toEqual({ value: undefined, done: true });
    expect(groups.next().done).toBe(true);
    const asyncAccumulate = accumulate(fromArray([1, 2]), (a, b) => a + b, 0);
    expect((await asyncAccumulate.next()).value).toBe(0);
    await asyncAccumulate.return?.();
    expect((await asyncAccumulate.next()).done).toBe(true);
  });

  it('return() before the first next() ends the iterator without touching the source', () => {
    const { source, log } = syncProbe();
    const mapped = map(source, (n) => n);
    expect(mapped.return?.()).toEqual({ value: undefined, done: true });
    expect(mapped.next().done).toBe(true);
    expect(log.pulled).toBe(0);
  });

  it('islice accepts Python’s argument forms and rejects bad ones naming the argument', () => {
    expect([...islice('abcdefg', 2)]).toEqual(['a', 'b']);
    expect([...islice('abcdefg', 2, 6, 2)]).toEqual(['c', 'e']);
    expect([...take(islice(count(), 10, null, 10), 3)]).toEqual([10, 20, 30]);
    expect(() => islice('abc', 0, 2, 0)).toThrow(/`step`/);
    expect(() => islice('abc', -1, 2)).toThrow(RangeError);
    expect(() => take([1], 1.5)).toThrow(/`n`/);
    expect(() => map(null as unknown as number[], (n) => n)).toThrow(/`source`/);
    expect(() => map([1], 'f' as unknown as () => number)).toThrow(/`fn`/);
  });
});

describe('enumerate, batched, pairwise, accumulate, groupBy', () => {
  it('work as their Python namesakes', () => {
    expect([...enumerate(['a', 'b'], 1)]).toEqual([[1, 'a'], [2, 'b']]);
    expect([...batched([1, 2, 3, 4, 5], 2)]).toEqual([[1, 2], [3, 4], [5]]);
    expect([...pairwise([1, 4, 9])]).toEqual([[1, 4], [4, 9]]);
    expect([...pairwise([1])]).toEqual([]);
    expect([...accumulate([1, 2, 3, 4])]).toEqual([1, 3, 6, 10]);
    expect([...accumulate([3, 1, 4], Math.max)]).toEqual([3, 3, 4]);
    expect([...accumulate(['a', 'b'], (s, c) => s + c, '>')]).toEqual(['>', '>a', '>ab']);
    expect([...accumulate([], (a: number, b: number) => a + b, 7)]).toEqual([7]);
    expect([...groupBy('aaabcc')]).toEqual([['a', ['a', 'a', 'a']], ['b', ['b']], ['c', ['c', 'c']]]);
    expect([...groupBy([NaN, NaN, 1])].map(([, run]) => run.length)).toEqual([2, 1]);
    expect(() => batched([1], 0)).toThrow(/`size`/);
  });

  it('batched before take flushes a partial batch only when the source ends', () => {
    expect([...take(batched(count(), 3), 2)]).toEqual([[0, 1, 2], [3, 4, 5]]);
    expect([...batched(take(count(), 5), 2)]).toEqual([[0, 1], [2, 3], [4]]);
  });

  it('accumulate awaits an async reducer over an async source; the default needs numbers or strings', async () => {
    expect(await toArray(accumulate(fromArray([1, 2, 3]), async (a, b) => a * b))).toEqual([1, 2, 6]);
    expect(() => [...accumulate([{}, {}] as unknown as number[])]).toThrow(/`fn`/);
  });
});
