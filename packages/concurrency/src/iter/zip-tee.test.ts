import { describe, expect, it } from 'vitest';
import { asyncProbe, fromArray, syncProbe } from '../test-support/probes.js';
import { count } from './sources.js';
import { tee } from './tee.js';
import { toArray } from './to-array.js';
import { map, take } from './transform.js';
import { zip } from './zip.js';

describe('zip', () => {
  it('stops with the shortest source and closes the others', () => {
    const long = syncProbe();
    expect([...zip([1, 2, 3], 'ab', long.source)]).toEqual([[1, 'a', 0], [2, 'b', 1]]);
    expect(long.log.closed).toBe(true);
    expect([...zip()]).toEqual([]);
  });

  it('over async sources (mixed with sync ones) gives the same rows', async () => {
    const rows = await toArray(zip(fromArray([1, 2, 3]), ['a', 'b', 'c', 'd']));
    expect(rows).toEqual([[1, 'a'], [2, 'b'], [3, 'c']]);
  });

  it('closes every source when the consumer stops early, in both modes', async () => {
    const a = syncProbe();
    const b = syncProbe();
    expect([...take(zip(a.source, b.source), 2)]).toEqual([[0, 0], [1, 1]]);
    expect([a.log.closed, b.log.closed]).toEqual([true, true]);
    const c = asyncProbe();
    const d = syncProbe();
    expect(await toArray(take(zip(c.source, d.source), 1))).toEqual([[0, 0]]);
    expect([c.log.closed, d.log.closed]).toEqual([true, true]);
  });

  it('when a source throws, closes the others and passes the error on', async () => {
    const other = syncProbe();
    const broken: Iterable<number> = {
      [Symbol.iterator]: () => ({
        next: () => {
          throw new Error('broken source');
        },
      }),
    };
    expect(() => [...zip(other.source, broken)]).toThrow('broken source');
    expect(other.log.closed).toBe(true);
    async function* failing(): AsyncGenerator<number> {
      yield 1;
      throw new Error('async broken');
    }
    const friend = asyncProbe();
    await expect(toArray(zip(friend.source, failing()))).rejects.toThrow('async broken');
    expect(friend.log.closed).toBe(true);
  });
});

describe('tee', () => {
  it('gives n independent iterators over one pass of the source', () => {
    const { source, log } = syncProbe(3);
    const [a, b, c] = tee(source, 3);
    expect([...a!]).toEqual([0, 1, 2]);
    expect([...b!]).toEqual([0, 1, 2]);
    expect([...c!]).toEqual([0, 1, 2]);
    expect(log.pulled).toBe(3);
  });

  it('interleaved readers each see every item in order, also async and concurrently', async () => {
    const [a, b] = tee(map(count(), (n) => n * n));
    expect([a!.next().value, a!.next().value, b!.next().value, a!.next().value, b!.next().value]).toEqual([0, 1, 0, 4, 1]);
    const [x, y] = tee(fromArray([1, 2, 3, 4]));
    const [left, right] = await Promise.all([toArray(x!), toArray(y!)]);
    expect(left).toEqual([1, 2, 3, 4]);
    expect(right).toEqual([1, 2, 3, 4]);
  });

  it('closes the source when every branch is closed, not before', async () => {
    const { source, log } = syncProbe();
    const [a, b] = tee(source);
    expect([...take(a!, 2)]).toEqual([0, 1]);
    expect(log.closed).toBe(false);
    expect([...take(b!, 3)]).toEqual([0, 1, 2]);
    expect(log.closed).toBe(true);
    const asyncRun = asyncProbe();
    const branches = tee(asyncRun.source);
    await Promise.all(branches.map((branch) => toArray(take(branch, 2))));
    expect(asyncRun.log.closed).toBe(true);
  });

  it('checks n', () => {
    expect(() => tee([1], -1)).toThrow(/`n`/);
    expect(tee([1], 0)).toEqual([]);
  });
});
