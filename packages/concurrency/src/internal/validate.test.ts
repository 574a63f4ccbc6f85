import { describe, expect, it } from 'vitest';
import { checkFunction, checkInteger, checkMs } from './validate.js';

describe('argument checks', () => {
  it('a number of the right kind out of range is a RangeError naming the argument', () => {
    expect(() => checkInteger('concurrency', 0, 1, true)).toThrow(new RangeError('Expected `concurrency` to be an integer >= 1 (or Infinity), got 0'));
    expect(() => checkMs('timeout', -5)).toThrow(new RangeError('Expected `timeout` to be a number of milliseconds >= 0, got -5'));
  });

  it('the wrong type or kind is a TypeError naming the argument', () => {
    expect(() => checkInteger('size', 2.5, 1)).toThrow(new TypeError('Expected `size` to be an integer >= 1, got 2.5'));
    expect(() => checkInteger('size', Infinity, 1)).toThrow(new TypeError('Expected `size` to be an integer >= 1, got Infinity'));
    expect(() => checkInteger('size', '3', 1)).toThrow(new TypeError('Expected `size` to be an integer >= 1, got "3"'));
    expect(() => checkMs('timeout', Number.NaN)).toThrow(TypeError);
    expect(() => checkFunction('fn', [1])).toThrow(new TypeError('Expected `fn` to be a function, got an array'));
  });

  it('returns what passes', () => {
    expect(checkInteger('n', Infinity, 1, true)).toBe(Infinity);
    expect(checkMs('ms', 0)).toBe(0);
    const fn = () => 1;
    expect(checkFunction('fn', fn)).toBe(fn);
  });
});
