import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCodeHighlighter, type CodeHighlighter } from './highlight.js';
import { createMarkdown, slugify } from './markdown.js';

let highlighter: CodeHighlighter;
beforeAll(async () => {
  highlighter = await createCodeHighlighter('github-light', ['typescript']);
});
afterAll(() => highlighter.dispose());

describe('slugify', () => {
  test.each([
    ['Why `Array#shift` is O(n)', 'why-arrayshift-is-on'],
    ['  Threads vs. processes  ', 'threads-vs-processes'],
    ['Café déjà vu', 'cafe-deja-vu'],
    ['Überblick: 日本語', 'uberblick-日本語'],
    ['!!!', 'section'],
  ])('%s → %s', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });
});

describe('createMarkdown', () => {
  test('slugs are unique within one env and restart with a new env', () => {
    const md = createMarkdown(highlighter);
    const env = {};
    expect(md.render('## Run', env)).toContain('id="run"');
    expect(md.render('## Run', env)).toContain('id="run-1"');
    expect(md.render('## Run', {})).toContain('id="run"');
  });

  test('attachments resolve by name (URL-encoded too); unknown ones stay as written', () => {
    const md = createMarkdown(highlighter);
    const env = { attachments: { 'my dot.png': { 'image/png': 'iVBORw0KGgo=' }, 'pic.svg': { 'image/svg+xml': '<svg/>' } } };
    expect(md.render('![d](attachment:my%20dot.png)', env)).toContain('src="data:image/png;base64,iVBORw0KGgo="');
    expect(md.render('![s](attachment:pic.svg)', env)).toContain(`src="data:image/svg+xml;base64,${Buffer.from('<svg/>').toString('base64')}"`);
    expect(md.render('![m](attachment:missing.png)', env)).toContain('src="attachment:missing.png"');
  });

  test('fences in unloaded languages are escaped, not highlighted', () => {
    const md = createMarkdown(highlighter);
    expect(md.render('```rust\nlet a = &b<c>;\n```', {})).toContain('<pre class="shiki plain language-rust"><code>let a = &amp;b&lt;c&gt;;</code></pre>');
  });
});
