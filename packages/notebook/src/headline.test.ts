import { describe, expect, it } from 'vitest';
import { firstLine, sourceHeadline } from './headline.js';

describe('firstLine', () => {
  it("is the first line of an error's message, or of what else was thrown", () => {
    expect(firstLine(new Error('Kernel died\n  at x'))).toBe('Kernel died');
    expect(firstLine('two\nlines')).toBe('two');
    expect(firstLine(42)).toBe('42');
  });
});

describe('sourceHeadline', () => {
  it('is the first non-blank line, trimmed, cut with … past the width', () => {
    expect(sourceHeadline('\n   \n  const x = 1;\nx')).toBe('const x = 1;');
    expect(sourceHeadline('abcdef', 4)).toBe('abc…');
    expect(sourceHeadline(' \n')).toBe('(empty cell)');
  });
});
