import type { Output } from '@scalable-ts/notebook';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCodeHighlighter, type CodeHighlighter } from './highlight.js';
import { createMarkdown } from './markdown.js';
import { chooseMime, mergeStreams, MIME_ORDER, renderOutputs, type OutputContext } from './outputs.js';

let highlighter: CodeHighlighter;
let ctx: OutputContext;
beforeAll(async () => {
  highlighter = await createCodeHighlighter('github-light', ['json']);
  ctx = { highlighter, markdown: createMarkdown(highlighter), env: {} };
});
afterAll(() => highlighter.dispose());

const stdout = (text: string | string[]): Output => ({ output_type: 'stream', name: 'stdout', text });
const stderr = (text: string): Output => ({ output_type: 'stream', name: 'stderr', text });

describe('mergeStreams', () => {
  test('merges runs of the same stream only', () => {
    expect(mergeStreams([stdout('a\n'), stdout(['b', '\n']), stderr('e\n'), stdout('c\n')])).toEqual([
      stdout('a\nb\n'),
      stderr('e\n'),
      stdout('c\n'),
    ]);
  });
});

describe('chooseMime', () => {
  test('picks the richest type in MIME_ORDER', () => {
    const all = Object.fromEntries(MIME_ORDER.map((m) => [m, 'x']));
    const remaining = { ...all } as Record<string, string>;
    for (const mime of MIME_ORDER) {
      expect(chooseMime(remaining)).toBe(mime);
      delete remaining[mime];
    }
    expect(chooseMime({ 'application/vnd.widget+json': {} })).toBeUndefined();
  });
});

describe('renderOutputs', () => {
  test('joins MultilineString data', () => {
    const html = renderOutputs([{ output_type: 'display_data', data: { 'text/plain': ['a\n', 'b'] }, metadata: {} }], ctx);
    expect(html).toContain('<pre class="output-text">a\nb</pre>');
  });

  test('text/plain results are escaped and keep ANSI colours', () => {
    const html = renderOutputs(
      [{ output_type: 'execute_result', execution_count: 3, data: { 'text/plain': '\x1b[33m"<b>"\x1b[39m' }, metadata: {} }],
      ctx,
    );
    expect(html).toContain('Out[3]:');
    expect(html).toContain('<span class="ansi-yellow-fg">&quot;&lt;b&gt;&quot;</span>');
  });

  test('an error without a traceback shows ename: evalue', () => {
    const html = renderOutputs([{ output_type: 'error', ename: 'RangeError', evalue: 'too <big>', traceback: [] }], ctx);
    expect(html).toBe('<div class="output output-error"><pre>RangeError: too &lt;big&gt;</pre></div>');
  });

  test('an error whose traceback lacks the name gets it as a headline', () => {
    const html = renderOutputs([{ output_type: 'error', ename: 'E', evalue: 'v', traceback: ['    at f (x.ts:1:1)'] }], ctx);
    expect(html).toContain('<pre>E: v\n    at f (x.ts:1:1)</pre>');
  });

  test('invalid base64 is refused, not injected', () => {
    const html = renderOutputs([{ output_type: 'display_data', data: { 'image/png': '" onerror="alert(1)' }, metadata: {} }], ctx);
    expect(html).not.toContain('onerror="');
    expect(html).toContain('Invalid image/png data not shown.');
  });

  test('outputs with nothing renderable say so', () => {
    const html = renderOutputs([{ output_type: 'display_data', data: { 'application/vnd.widget+json': {} }, metadata: {} }], ctx);
    expect(html).toContain('Output not shown (application/vnd.widget+json).');
  });

  test('update_display_data and clear_output are ignored', () => {
    const odd = [{ output_type: 'clear_output', wait: false }, { output_type: 'update_display_data', data: {} }];
    expect(renderOutputs(odd as unknown as Output[], ctx)).toBe('');
  });
});
