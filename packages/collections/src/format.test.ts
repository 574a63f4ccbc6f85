import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Counter } from './counter.js';
import { Deque } from './deque.js';
import { CollectionsError, IndexError, KeyError, ValueError } from './errors.js';
import { repr } from './format.js';

describe('repr: values as util.inspect shows them, in plain text', () => {
  it('matches util.inspect for primitives', () => {
    for (const value of ['a', "it's", 'say "hi"', 'a\nb', 1, -0, 1.5, Number.NaN, true, null, undefined, 10n, Symbol('s')]) {
      expect(repr(value)).toBe(inspect(value));
    }
  });

  it('matches util.inspect for small arrays, maps, sets and plain objects', () => {
    for (const value of [[], [1, 'a'], new Map([[1, 'x']]), new Set([1]), {}, { a: 1, 'b-c': [2] }]) {
      expect(repr(value, 2)).toBe(inspect(value));
    }
  });

  it('names functions, and uses a value’s own toString', () => {
    expect(repr(function named() {})).toBe('[Function: named]');
    expect(repr(() => 1)).toBe('[Function: (anonymous)]');
    expect(repr(new Deque([1]))).toBe('Deque(1) [ 1 ]');
    expect(repr(new Counter('a'))).toBe("Counter(1) { 'a' => 1 }");
  });

  it('stops at its depth, as util.inspect does', () => {
    expect(repr([[[[1]]]], 1)).toBe('[ [ [Array] ] ]');
    expect(repr({ a: { b: { c: {} } } }, 1)).toBe('{ a: { b: [Object] } }');
    expect(repr([new Map([[1, new Map()]])], 0)).toBe('[ [Map] ]');
    expect(repr([new Set([1])], 0)).toBe('[ [Set] ]');
  });

  it('shows 100 items, then how many more', () => {
    const text = String(new Deque(Array.from({ length: 102 }, (_, i) => i)));
    expect(text.endsWith('98, 99, ... 2 more items ]')).toBe(true);
    expect(String(new Deque(Array.from({ length: 101 }, (_, i) => i))).endsWith('99, ... 1 more item ]')).toBe(true);
  });
});

describe('errors', () => {
  it('carry a name, a stable code, and what was missing', () => {
    const errors = [new IndexError('empty'), new KeyError('k', 'no k'), new ValueError(3, 'no 3')];
    expect(errors.map((error) => [error.name, error.code, error instanceof CollectionsError, error instanceof Error])).toEqual([
      ['IndexError', 'ERR_INDEX', true, true],
      ['KeyError', 'ERR_KEY', true, true],
      ['ValueError', 'ERR_VALUE', true, true],
    ]);
    expect(new KeyError('k', 'no k').key).toBe('k');
    expect(new ValueError(3, 'no 3').value).toBe(3);
  });
});
