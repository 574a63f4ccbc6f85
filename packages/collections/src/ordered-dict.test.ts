import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { KeyError } from './errors.js';
import { OrderedDict } from './ordered-dict.js';

const abc = () =>
  new OrderedDict<string, number>([
    ['a', 1],
    ['b', 2],
    ['c', 3],
  ]);
const keys = <K, V>(dict: OrderedDict<K, V>): K[] => [...dict.keys()];

describe('OrderedDict: a Map that remembers order', () => {
  it('keeps insertion order; setting an existing key keeps its place', () => {
    const dict = abc();
    dict.set('a', 10);
    dict.set('d', 4);
    expect([...dict]).toEqual([
      ['a', 10],
      ['b', 2],
      ['c', 3],
      ['d', 4],
    ]);
    expect(dict.size).toBe(4);
  });

  it('reads and deletes like a Map', () => {
    const dict = abc();
    expect(dict.get('b')).toBe(2);
    expect(dict.get('z')).toBeUndefined();
    expect(dict.has('c')).toBe(true);
    expect(dict.delete('b')).toBe(true);
    expect(dict.delete('b')).toBe(false);
    expect(keys(dict)).toEqual(['a', 'c']);
    expect([...dict.values()]).toEqual([1, 3]);
    expect([...dict.entries()]).toEqual([
      ['a', 1],
      ['c', 3],
    ]);
    const seen: string[] = [];
    dict.forEach((value, key, self) => {
      expect(self).toBe(dict);
      seen.push(`${key}=${value}`);
    });
    expect(seen).toEqual(['a=1', 'c=3']);
    dict.clear();
    expect(dict.size).toBe(0);
    expect([...dict]).toEqual([]);
    dict.set('x', 1);
    expect(keys(dict)).toEqual(['x']);
  });

  it('starts empty without entries, and new Map(dict) copies it', () => {
    expect(new OrderedDict().size).toBe(0);
    expect(new OrderedDict(null).size).toBe(0);
    expect(new Map(abc())).toEqual(
      new Map([
        ['a', 1],
        ['b', 2],
        ['c', 3],
      ]),
    );
  });

  it('lets an iteration delete the key it stands on', () => {
    const dict = abc();
    for (const [key] of dict) if (key !== 'c') dict.delete(key);
    expect(keys(dict)).toEqual(['c']);
  });
});

describe('OrderedDict: moveToEnd and popItem', () => {
  it('moveToEnd moves a key last, or first with last = false', () => {
    const dict = abc();
    dict.moveToEnd('a');
    expect(keys(dict)).toEqual(['b', 'c', 'a']);
    dict.moveToEnd('c', false);
    expect(keys(dict)).toEqual(['c', 'b', 'a']);
    dict.moveToEnd('a');
    dict.moveToEnd('c', false);
    expect(keys(dict)).toEqual(['c', 'b', 'a']);
  });

  it('moveToEnd of a missing key throws KeyError naming it', () => {
    expect(() => abc().moveToEnd('z')).toThrow(new KeyError('z', "Key not found: 'z'"));
    try {
      abc().moveToEnd('z', false);
    } catch (error) {
      expect(error).toMatchObject({ name: 'KeyError', code: 'ERR_KEY', key: 'z' });
    }
  });

  it('popItem takes the last (LIFO) or, with last = false, the first (FIFO)', () => {
    const dict = abc();
    expect(dict.popItem()).toEqual(['c', 3]);
    expect(dict.popItem(false)).toEqual(['a', 1]);
    expect(keys(dict)).toEqual(['b']);
    expect(dict.has('a')).toBe(false);
    expect(dict.popItem()).toEqual(['b', 2]);
    expect(() => dict.popItem()).toThrow(new KeyError(undefined, 'popItem(): dictionary is empty'));
    expect(() => dict.popItem(false)).toThrow(KeyError);
  });
});

describe('OrderedDict: equals', () => {
  it('is order-sensitive against another OrderedDict', () => {
    const reordered = abc();
    reordered.moveToEnd('a');
    expect(abc().equals(abc())).toBe(true);
    expect(abc().equals(reordered)).toBe(false);
  });

  it('is order-insensitive against a plain Map, as in Python', () => {
    const map = new Map([
      ['c', 3],
      ['a', 1],
      ['b', 2],
    ]);
    expect(abc().equals(map)).toBe(true);
    map.set('c', 4);
    expect(abc().equals(map)).toBe(false);
    map.delete('c');
    map.set('z', 3);
    expect(abc().equals(map)).toBe(false);
  });

  it('compares sizes, keys and values (SameValueZero)', () => {
    const small = new OrderedDict([['a', 1]]);
    expect(abc().equals(small)).toBe(false);
    expect(new OrderedDict([['a', Number.NaN]]).equals(new OrderedDict([['a', Number.NaN]]))).toBe(true);
    expect(new OrderedDict([['a', 1]]).equals(new OrderedDict([['a', 2]]))).toBe(false);
    expect(new OrderedDict([['a', 1]]).equals(new OrderedDict([['b', 1]]))).toBe(false);
    expect(new OrderedDict([['a', {}]]).equals(new OrderedDict([['a', {}]]))).toBe(false);
  });
});

describe('OrderedDict: printing', () => {
  it('prints its entries in order', () => {
    const dict = abc();
    dict.moveToEnd('a');
    expect(String(dict)).toBe("OrderedDict(3) { 'b' => 2, 'c' => 3, 'a' => 1 }");
    expect(inspect(dict)).toBe("OrderedDict(3) { 'b' => 2, 'c' => 3, 'a' => 1 }");
  });
});
