import { inspect } from 'node:util';
import { lcg31 } from '@scalable-ts/test-support';
import { describe, expect, it } from 'vitest';
import { LRUCache } from './lru-cache.js';

const keys = <K, V>(cache: LRUCache<K, V>): K[] => [...cache.keys()];

describe('LRUCache', () => {
  it('evicts the least recently used entry when full', () => {
    const cache = new LRUCache<string, number>(2);
    cache.set('a', 1).set('b', 2).set('c', 3);
    expect(keys(cache)).toEqual(['b', 'c']);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(2);
  });

  it('get makes an entry the most recently used', () => {
    const cache = new LRUCache<string, number>(2);
    cache.set('a', 1).set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(keys(cache)).toEqual(['a', 'c']);
    expect(cache.get('c')).toBe(3);
    expect(keys(cache)).toEqual(['a', 'c']);
  });

  it('set of an existing key updates it, makes it most recent, and evicts nothing', () => {
    const cache = new LRUCache<string, number>(2);
    cache.set('a', 1).set('b', 2).set('a', 10);
    expect([...cache]).toEqual([
      ['b', 2],
      ['a', 10],
    ]);
    cache.set('a', 11);
    expect([...cache.entries()]).toEqual([
      ['b', 2],
      ['a', 11],
    ]);
  });

  it('peek and has do not touch recency', () => {
    const cache = new LRUCache<string, number>(2);
    cache.set('a', 1).set('b', 2);
    expect(cache.peek('a')).toBe(1);
    expect(cache.has('a')).toBe(true);
    expect(cache.peek('z')).toBeUndefined();
    cache.set('c', 3);
    expect(keys(cache)).toEqual(['b', 'c']);
  });

  it('delete and clear remove entries', () => {
    const cache = new LRUCache<string, number>(3, [
      ['a', 1],
      ['b', 2],
    ]);
    expect(cache.delete('a')).toBe(true);
    expect(cache.delete('a')).toBe(false);
    expect([...cache.values()]).toEqual([2]);
    cache.clear();
    expect(cache.size).toBe(0);
    cache.set('x', 1);
    expect(keys(cache)).toEqual(['x']);
  });

  it('keeps only the last capacity initial entries; capacity 1 holds the latest', () => {
    expect(keys(new LRUCache(2, [['a', 1], ['b', 2], ['c', 3]]))).toEqual(['b', 'c']);
    const one = new LRUCache<string, number>(1);
    one.set('a', 1).set('b', 2);
    expect([...one]).toEqual([['b', 2]]);
    expect(one.get('b')).toBe(2);
    expect(one.capacity).toBe(1);
  });

  it('agrees with a simple model over a long random workload', () => {
    const cache = new LRUCache<number, number>(8);
    let order: number[] = [];
    const next = lcg31(7);
    for (let i = 0; i < 2_000; i++) {
      const seed = next();
      const key = seed % 20;
      if (seed % 3 === 0) {
        cache.set(key, i);
        order = [...order.filter((k) => k !== key), key].slice(-8);
      } else if (cache.get(key) !== undefined) {
        order = [...order.filter((k) => k !== key), key];
      }
      expect(keys(cache)).toEqual(order);
    }
  });

  it('rejects a capacity below 1 or not an integer', () => {
    expect(() => new LRUCache(0)).toThrow(new RangeError('capacity must be at least 1, got 0'));
    expect(() => new LRUCache(2.5)).toThrow(TypeError);
  });

  it('prints its entries, least recently used first', () => {
    const cache = new LRUCache<string, number>(3);
    cache.set('a', 1).set('b', 2);
    cache.get('a');
    expect(String(cache)).toBe("LRUCache(2, capacity 3) { 'b' => 2, 'a' => 1 }");
    expect(inspect(cache)).toBe("LRUCache(2, capacity 3) { 'b' => 2, 'a' => 1 }");
  });
});
