import { describe, expect, it } from 'vitest';
import { asyncProbe, fromArray, syncProbe } from '../test-support/probes.js';
import { chain, count, cycle, repeat } from './sources.js';
import { toArray } from './to-array.js';
import { map, take } from './transform.js';
import { zip } from './zip.js';

describe('count and repeat', () => {
  it('count goes on forever from start by step', () => {
    expect([...take(count(), 3)]).toEqual([0, 1, 2]);
    expect([...take(count(10, 5), 3)]).toEqual([10, 15, 20]);
    expect([...take(count(1, -0.5), 3)]).toEqual([1, 0.5, 0]);
  });

  it('repeat repeats a value n times or forever, and checks n at once', () => {
    expect([...repeat('x', 3)]).toEqual(['x', 'x', 'x']);
    expect([...take(repeat(7), 2)]).toEqual([7, 7]);
    expect([...map(zip([1, 2, 3], repeat(2)), ([b, e]) => b ** e)]).toEqual([1, 4, 9]);
    expect(() => repeat('x', -1)).toThrow(/`times`/);
  });
});

describe('cycle', () => {
  it('replays the items it read, forever; an empty source gives nothing', async () => {
    expect([...take(cycle(['red', 'green']), 5)]).toEqual(['red', 'green', 'red', 'green', 'red']);
    expect([...cycle([])]).toEqual([]);
    expect(await toArray(take(cycle(fromArray([1, 2])), 5))).toEqual([1, 2, 1, 2, 1]);
  });

  it('is lazy over an infinite source, and closes it when stopped', () => {
    const { source, log } = syncProbe();
    expect([...take(cycle(source), 3)]).toEqual([0, 1, 2]);
    expect(log).toEqual({ pulled: 3, closed: true });
  });
});

describe('chain', () => {
  it('yields each source in turn: sync if all are sync, async as soon as one is', async () => {
    const sync = chain([1, 2], new Set([3]), 'ab');
    expect(Symbol.iterator in sync).toBe(true);
    expect([...sync]).toEqual([1, 2, 3, 'a', 'b']);
    const mixed = chain([1], fromArray([2, 3]), [4]);
    expect(Symbol.asyncIterator in mixed).toBe(true);
    expect(await toArray(mixed)).toEqual([1, 2, 3, 4]);
  });

  it('closes the source it is reading when stopped, and does not open the later ones', async () => {
    const first = syncProbe();
    const second = syncProbe();
    expect([...take(chain(first.source, second.source), 2)]).toEqual([0, 1]);
    expect(first.log.closed).toBe(true);
    expect(second.log.pulled).toBe(0);
    const asyncFirst = asyncProbe();
    expect(await toArray(take(chain(asyncFirst.source, [9]), 2))).toEqual([0, 1]);
    expect(asyncFirst.log.closed).toBe(true);
  });
});
