import { describe, expect, it } from 'vitest';
import { outputText } from './output-text.js';
import type { Output } from './types.js';

const stdout = (text: string | string[]): Output => ({ output_type: 'stream', name: 'stdout', text });
const stderr = (text: string): Output => ({ output_type: 'stream', name: 'stderr', text });

describe('outputText', () => {
  it('is empty for no outputs', () => {
    expect(outputText([])).toBe('');
  });

  it('merges consecutive text of the same stream, and only consecutive', () => {
    expect(outputText([stdout('a\n'), stdout(['b\n', 'c']), stderr('warn\n'), stdout('d\n')])).toBe(
      '[stdout]\na\nb\nc\n[stderr]\nwarn\n[stdout]\nd\n',
    );
  });

  it('shows stream text as a notebook does: CRLF, carriage returns and backspaces applied', () => {
    expect(outputText([stdout('a\r\nb\r\n'), stdout('10%\r50%\r100%\n'), stdout('abx\bc\n')])).toBe('[stdout]\na\nb\n100%\nabc\n');
  });

  it('uses text/plain of results and displays, and names the MIME types when there is none', () => {
    const outputs: Output[] = [
      { output_type: 'execute_result', execution_count: 3, data: { 'text/plain': ['[ 1,\n', '  2 ]'], 'text/html': '<b>x</b>' }, metadata: {} },
      { output_type: 'display_data', data: { 'image/png': 'iVBORw0KGgo=', 'text/html': '<img>' }, metadata: {} },
    ];
    expect(outputText(outputs)).toBe('[execute_result]\n[ 1,\n  2 ]\n[display_data]\n<image/png>\n<text/html>\n');
  });

  it('shows an error as "ename: evalue" without its traceback, and strips ANSI codes', () => {
    const outputs: Output[] = [
      { output_type: 'stream', name: 'stdout', text: '\x1b[32mok\x1b[0m\n' },
      { output_type: 'error', ename: 'TypeError', evalue: '\x1b[1mx\x1b[0m is not a function', traceback: ['at /home/me/x.ts:1'] },
    ];
    expect(outputText(outputs)).toBe('[stdout]\nok\n[error]\nTypeError: x is not a function\n');
  });

  it('does not depend on how the saved text was split into lines', () => {
    expect(outputText([stdout(['a\n', 'b\n'])])).toBe(outputText([stdout('a\nb\n')]));
  });
});
