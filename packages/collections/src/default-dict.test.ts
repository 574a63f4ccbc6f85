import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { DefaultDict } from './default-dict.js';

describe('DefaultDict', () => {
  it('fills a missing key from the factory on get, stores it, and returns it', () => {
    const groups = new DefaultDict<string, string[]>(() => []);
    groups.get('fruit').push('apple');
    groups.get('fruit').push('pear');
    expect(groups.get('fruit')).toEqual(['apple', 'pear']);
    expect([...groups]).toEqual([['fruit', ['apple', 'pear']]]);
  });

  it('calls the factory only on get of a missing key, with the key', () => {
    const factory = vi.fn((key: string) => key.length);
    const lengths = new DefaultDict(factory, [['x', 10]]);
    expect(lengths.get('x')).toBe(10);
    expect(lengths.get('abc')).toBe(3);
    expect(lengths.get('abc')).toBe(3);
    expect(factory).toHaveBeenCalledTimes(1);
    expect(factory).toHaveBeenCalledWith('abc');
  });

  it('has, iteration, size and the other Map methods never create entries', () => {
    const factory = vi.fn(() => 0);
    const dict = new DefaultDict<string, number>(factory);
    expect(dict.has('a')).toBe(false);
    expect([...dict]).toEqual([]);
    expect([...dict.keys()]).toEqual([]);
    expect(dict.size).toBe(0);
    expect(dict.delete('a')).toBe(false);
    expect(factory).not.toHaveBeenCalled();
  });

  it('keeps a stored undefined instead of calling the factory again', () => {
    const factory = vi.fn((): number | undefined => 1);
    const dict = new DefaultDict<string, number | undefined>(factory, [['u', undefined]]);
    expect(dict.get('u')).toBeUndefined();
    expect(factory).not.toHaveBeenCalled();
  });

  it('counts with a number factory, as defaultdict(int) does', () => {
    const counts = new DefaultDict<string, number>(() => 0);
    for (const word of 'a b a'.split(' ')) counts.set(word, counts.get(word) + 1);
    expect([...counts]).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
  });

  it('is a Map, exposes its factory, and rejects a non-function', () => {
    const factory = () => 0;
    const dict = new DefaultDict(factory);
    expect(dict).toBeInstanceOf(Map);
    expect(dict.defaultFactory).toBe(factory);
    expect(() => new DefaultDict(null as unknown as () => number)).toThrow(new TypeError('factory must be a function, got object'));
  });

  it('prints like a Map, with its name', () => {
    const dict = new DefaultDict<string, number[]>(() => []);
    dict.get('a').push(1);
    expect(String(dict)).toBe("DefaultDict(1) { 'a' => [ 1 ] }");
    expect(inspect(dict)).toBe("DefaultDict(1) { 'a' => [ 1 ] }");
  });
});
