import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { multilineText, sourceText, toMultiline } from './multiline.js';

describe('toMultiline', () => {
  it('splits after each line break, keeping it, as Jupyter stores text', () => {
    expect(toMultiline('a\nb')).toEqual(['a\n', 'b']);
    expect(toMultiline('a\nb\n')).toEqual(['a\n', 'b\n']);
    expect(toMultiline('\n\n')).toEqual(['\n', '\n']);
    expect(toMultiline('one line')).toEqual(['one line']);
    expect(toMultiline('')).toEqual([]);
  });

  it("ends lines where Python's str.splitlines does", () => {
    expect(toMultiline('a\r\nb\rc')).toEqual(['a\r\n', 'b\r', 'c']);
    expect(toMultiline('a\vb\fc\x1cd\x85e\u2028f\u2029g')).toEqual(['a\v', 'b\f', 'c\x1c', 'd\x85', 'e\u2028', 'f\u2029', 'g']);
  });

  it('round-trips any text (property)', () => {
    const codePoint = fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c));
    const text = fc.string({ unit: fc.constantFrom('a', 'é', '🚀', '\n', '\r', '\r\n', '\v', '\u2028', ' ') });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: codePoint }), text), (s) => {
        const lines = toMultiline(s);
        // Joining gives the text back; no line is empty, and a line break only ends a line.
        return (
          lines.join('') === s &&
          sourceText({ source: lines }) === s &&
          sourceText({ source: s }) === s &&
          lines.every((line) => line !== '' && toMultiline(line).length === 1)
        );
      }),
    );
  });
});

describe('multilineText and sourceText', () => {
  it('join line arrays and pass strings through', () => {
    expect(multilineText(['a\n', 'b'])).toBe('a\nb');
    expect(multilineText('a\nb')).toBe('a\nb');
    expect(sourceText({ source: [] })).toBe('');
  });
});
