import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints, pythonJson, pythonNumber } from './python-json.js';

describe('pythonJson', () => {
  it('indents by one space, sorts keys and keeps empty containers on one line', () => {
    expect(pythonJson({ b: [1, { d: null, c: true }], a: {}, e: [] })).toBe(
      '{\n "a": {},\n "b": [\n  1,\n  {\n   "c": true,\n   "d": null\n  }\n ],\n "e": []\n}',
    );
  });

  it('sorts keys by code point, as Python does', () => {
    const keys = ['😀', 'ｚ', 'a', 'Z', 'ä', '_'];
    expect(Object.keys(JSON.parse(pythonJson(Object.fromEntries(keys.map((k) => [k, 0])))))).toEqual(['Z', '_', 'a', 'ä', 'ｚ', '😀']);
    expect(compareCodePoints('a', 'ab')).toBeLessThan(0);
    expect(compareCodePoints('ｚ', '😀')).toBeLessThan(0); // a plain sort says the opposite
    expect(['😀', 'ｚ'].sort()).toEqual(['😀', 'ｚ']);
  });

  it('writes non-ASCII characters as themselves and escapes what Python escapes', () => {
    expect(pythonJson(['é ✓ 日本 🚀', 'tab\t nl\n cr\r bell\u0007 nul\0 "q" \\ / \u007f'])).toBe(
      '[\n "é ✓ 日本 🚀",\n "tab\\t nl\\n cr\\r bell\\u0007 nul\\u0000 \\"q\\" \\\\ / \u007f"\n]',
    );
  });

  it('leaves out undefined object values and writes undefined array items as null', () => {
    expect(pythonJson({ a: undefined, b: [undefined] })).toBe('{\n "b": [\n  null\n ]\n}');
  });

  it('refuses values JSON cannot hold, naming where they are', () => {
    expect(() => pythonJson({ a: [0, Number.NaN] })).toThrow('Cannot write NaN at /a/1');
    expect(() => pythonJson({ 'x/y': () => 1 })).toThrow('Cannot write a function at /x~1y as JSON');
    expect(() => pythonJson(1n)).toThrow(TypeError);
  });
});

describe('pythonNumber', () => {
  it("writes numbers as Python's repr does", () => {
    const cases: Array<[number, string]> = [
      [0, '0'],
      [-0, '0'],
      [42, '42'],
      [-3, '-3'],
      [0.5, '0.5'],
      [1.9, '1.9'],
      [0.1 + 0.2, '0.30000000000000004'],
      [123456.789, '123456.789'],
      [0.0001, '0.0001'],
      [0.00001, '1e-05'],
      [2.5e-10, '2.5e-10'],
      [-1.5e-7, '-1.5e-07'],
      [5e-324, '5e-324'],
      [9007199254740991, '9007199254740991'],
      [1e16, '1e+16'],
      [1.7976931348623157e308, '1.7976931348623157e+308'],
    ];
    for (const [value, text] of cases) expect(pythonNumber(value), String(value)).toBe(text);
  });

  it('always reads back as the same number (property)', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => JSON.parse(pythonNumber(x)) === (x === 0 ? 0 : x)));
  });
});
