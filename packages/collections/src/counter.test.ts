import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ChainMap } from './chain-map.js';
import { Counter } from './counter.js';
import { OrderedDict } from './ordered-dict.js';

const entries = <K>(counter: Counter<K>): Array<[K, number]> => [...counter];

describe('Counter: construction and counting', () => {
  it('counts the keys of an iterable; a string counts its characters', () => {
    expect(entries(new Counter(['a', 'b', 'a']))).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect(entries(new Counter('hello'))).toEqual([
      ['h', 1],
      ['e', 1],
      ['l', 2],
      ['o', 1],
    ]);
    expect(entries(new Counter(new Set([1, 2])))).toEqual([
      [1, 1],
      [2, 1],
    ]);
  });

  it('starts from a Map, another Counter, a Map-like or a plain object of counts', () => {
    expect(entries(new Counter(new Map([['x', 3]])))).toEqual([['x', 3]]);
    expect(entries(new Counter(new Counter('aab')))).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect(entries(new Counter(new OrderedDict([['k', 4]])))).toEqual([['k', 4]]);
    expect(entries(new Counter(new ChainMap(new Map([['c', 1]]))))).toEqual([['c', 1]]);
    expect(entries(new Counter({ red: 2, blue: -1 }))).toEqual([
      ['red', 2],
      ['blue', -1],
    ]);
    expect(entries(new Counter())).toEqual([]);
    expect(entries(new Counter(null))).toEqual([]);
  });

  it('a missing key counts 0 and is not inserted', () => {
    const counter = new Counter('ab');
    expect(counter.get('z')).toBe(0);
    expect(counter.has('z')).toBe(false);
    expect(counter.size).toBe(2);
  });

  it('is a Map: set, delete, size, keys, new Map(counter)', () => {
    const counter = new Counter('aab');
    expect(counter).toBeInstanceOf(Map);
    counter.set('a', 0);
    expect(counter.has('a')).toBe(true);
    expect(counter.get('a')).toBe(0);
    expect(counter.delete('a')).toBe(true);
    expect(counter.has('a')).toBe(false);
    expect(new Map(counter)).toEqual(new Map([['b', 1]]));
  });
});

describe('Counter: update and subtract', () => {
  it('update adds 1 per key, or the counts of a mapping, keeping any sign', () => {
    const counter = new Counter<string>();
    expect(counter.update(['a', 'b', 'a'])).toBe(counter);
    counter.update({ b: 5, c: -2, d: 0 });
    counter.update(new Map([['a', -2]]));
    expect(entries(counter)).toEqual([
      ['a', 0],
      ['b', 6],
      ['c', -2],
      ['d', 0],
    ]);
  });

  it('update takes any iterable of keys, a generator or a string', () => {
    const counter = new Counter<string>();
    counter.update('aa');
    counter.update(
      (function* () {
        yield 'a';
      })(),
    );
    expect(counter.get('a')).toBe(3);
  });

  it('subtract takes away, going to zero or below, keeping the keys', () => {
    const counter = new Counter({ a: 4, b: 2 });
    counter.subtract({ a: 1, b: 2 });
    counter.subtract(['a', 'c', 'c']);
    counter.subtract(new Counter({ a: 10 }));
    expect(entries(counter)).toEqual([
      ['a', -8],
      ['b', 0],
      ['c', -2],
    ]);
  });
});

describe('Counter: queries', () => {
  it('mostCommon sorts by count, ties in first-seen order', () => {
    const counter = new Counter('abracadabra');
    expect(counter.mostCommon()).toEqual([
      ['a', 5],
      ['b', 2],
      ['r', 2],
      ['c', 1],
      ['d', 1],
    ]);
    expect(counter.mostCommon(3)).toEqual([
      ['a', 5],
      ['b', 2],
      ['r', 2],
    ]);
    expect(counter.mostCommon(0)).toEqual([]);
    expect(counter.mostCommon(-1)).toEqual([]);
    expect(counter.mostCommon(99)).toHaveLength(5);
    expect(() => counter.mostCommon(1.5)).toThrow(new TypeError('n must be an integer, got 1.5'));
  });

  it('mostCommon puts zero and negative counts last', () => {
    expect(new Counter({ a: -1, b: 0, c: 2 }).mostCommon()).toEqual([
      ['c', 2],
      ['b', 0],
      ['a', -1],
    ]);
  });

  it('elements repeats each key by its count, skipping counts below 1', () => {
    const counter = new Counter({ a: 2, b: 0, c: -1, d: 3 });
    expect([...counter.elements()]).toEqual(['a', 'a', 'd', 'd', 'd']);
    expect([...new Counter().elements()]).toEqual([]);
  });

  it('total sums every count, negatives included', () => {
    expect(new Counter({ a: 2, b: -1, c: 5 }).total()).toBe(6);
    expect(new Counter().total()).toBe(0);
  });
});

describe('Counter: multiset arithmetic (Python’s + - & | and unary + -)', () => {
  const c = new Counter({ a: 3, b: 1, z: 0, n: -2 });
  const d = new Counter({ a: 1, b: 2, e: 4, m: -1 });

  it('add sums and keeps only positive counts, our keys first', () => {
    expect(entries(c.add(d))).toEqual([
      ['a', 4],
      ['b', 3],
      ['e', 4],
    ]);
  });

  it('sub subtracts and keeps only positive counts; their negatives count as positives', () => {
    expect(entries(c.sub(d))).toEqual([
      ['a', 2],
      ['m', 1],
    ]);
  });

  it('and is the minimum of each count, positive only', () => {
    expect(entries(c.and(d))).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
  });

  it('or is the maximum of each count, positive only', () => {
    expect(entries(c.or(d))).toEqual([
      ['a', 3],
      ['b', 2],
      ['e', 4],
    ]);
  });

  it('positive and negative keep the positive counts, and the negated negative ones', () => {
    expect(entries(c.positive())).toEqual([
      ['a', 3],
      ['b', 1],
    ]);
    expect(entries(c.negative())).toEqual([['n', 2]]);
  });

  it('returns new Counters and leaves both operands alone', () => {
    const before = entries(c);
    const sum = c.add(d);
    expect(sum).not.toBe(c);
    expect(sum).toBeInstanceOf(Counter);
    expect(entries(c)).toEqual(before);
  });
});

describe('Counter: printing', () => {
  it('prints like a Map, with its size', () => {
    expect(String(new Counter('aab'))).toBe("Counter(2) { 'a' => 2, 'b' => 1 }");
    expect(inspect(new Counter('aab'))).toBe("Counter(2) { 'a' => 2, 'b' => 1 }");
    expect(String(new Counter())).toBe('Counter(0) {}');
    expect(inspect(new Counter())).toBe('Counter(0) {}');
  });
});
