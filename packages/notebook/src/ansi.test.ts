import { describe, expect, it } from 'vitest';
import { stripAnsi } from './ansi.js';

describe('stripAnsi', () => {
  it('strips colour codes', () => {
    expect(stripAnsi('\x1b[31mred\x1b[0m and \x1b[1;32mbold green\x1b[39;49m')).toBe('red and bold green');
    expect(stripAnsi('\x1b[0;31mTypeError\x1b[0m: x is not a function')).toBe('TypeError: x is not a function');
    expect(stripAnsi('\x1b[38;5;208morange\x1b[38;2;1;2;3m rgb\x1b[m')).toBe('orange rgb');
  });

  it('strips cursor moves, one-byte CSI, hyperlinks and charset switches', () => {
    expect(stripAnsi('50%\x1b[2K\x1b[1G100%')).toBe('50%100%');
    expect(stripAnsi('\x9b31mred\x9b0m')).toBe('red');
    expect(stripAnsi('\x1b]8;;https://example.org\x07link\x1b]8;;\x07')).toBe('link');
    expect(stripAnsi('\x1b]0;title\x1b\\text\x1b(B')).toBe('text');
  });

  it('leaves other text alone', () => {
    expect(stripAnsi('plain [31m text; a[b] ✓')).toBe('plain [31m text; a[b] ✓');
  });
});
