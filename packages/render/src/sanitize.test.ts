/**
 * A hostile notebook through the renderer: every way markup reaches a page (markdown raw HTML,
 * raw `text/html` cells, `text/html`, `text/markdown`, `image/svg+xml` and
 * `application/javascript` outputs) keeps what shows and loses what runs. The workshop's browser
 * test (`packages/workshop/src/hostile.browser.test.ts`) opens the same vectors in Chromium.
 */
import type { Output } from '@scalable-ts/notebook';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createRenderer, livePageCsp, sanitizeHtml, SITE_CSP, type Renderer } from './index.js';
import { code, md, notebook } from './test-support/notebooks.js';

let renderer: Renderer;

beforeAll(async () => {
  renderer = await createRenderer({ languages: ['typescript'] });
});

afterAll(() => renderer.dispose());

/** Anything in the HTML that would run script or load a page-level resource. */
const SCRIPTY = /<script|<iframe|<object|<embed|<form|<meta(?! (?:charset|name|http-equiv="Content-Security-Policy"))|<base|<link(?! rel="stylesheet" href="(?:site|\/[\w/.-]+)\.css")|<svg|<math|<style|\son\w+\s*=|javascript:|srcdoc|formaction/i;

const VECTORS = [
  '<img src=x onerror="alert(1)">',
  '<svg onload="alert(1)"><circle r="5"/></svg>',
  '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
  '<a href="javascript:alert(1)">a</a> <a href="JaVaScRiPt&#58;alert(1)">b</a> <a href=" javascript:alert(1)">c</a>',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<script>alert(1)</script>',
  '<object data="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"></object><embed src="x.swf">',
  '<base href="http://127.0.0.1:1/"><link rel="stylesheet" href="http://127.0.0.1:1/x.css"><style>body{display:none}</style>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>',
  '<div style="background:url(http://127.0.0.1:1/leak)">styled</div>',
];

describe('sanitizeHtml', () => {
  test.each(VECTORS)('%s loses everything that runs', (vector) => {
    expect(sanitizeHtml(vector)).not.toMatch(SCRIPTY);
  });

  test('keeps lesson markup: tables, styled text, progress, details, images', () => {
    const lesson =
      '<table><thead><tr><th colspan="2">h</th></tr></thead><tbody><tr><td style="text-align:right">1</td></tr></tbody></table>' +
      '<p><b>bold</b> <em>em</em> <span style="color:#c00;font-weight:bold">red</span> <kbd>Ctrl</kbd></p>' +
      '<progress value="3" max="10"></progress><div style="width:30%;background:#4a4;height:8px"></div>' +
      '<details open><summary>more</summary>text</details><img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">';
    expect(sanitizeHtml(lesson)).toBe(lesson.replace('alt="dot">', 'alt="dot" />'));
  });

  test('drops what could clobber the page or steer its script: name, data-*, position', () => {
    expect(sanitizeHtml('<img name="body" src="a.png"><div data-cell-index="0" style="position:fixed;inset:0">x</div>')).toBe(
      '<img src="a.png" /><div>x</div>',
    );
  });
});

describe('the renderer sanitises every way markup reaches a page', () => {
  const outputs: Output[] = [
    { output_type: 'display_data', data: { 'text/html': VECTORS.join('\n') }, metadata: {} },
    { output_type: 'execute_result', execution_count: 1, data: { 'text/html': '<img src=x onerror=alert(1)>', 'text/plain': 'x' }, metadata: {} },
    { output_type: 'display_data', data: { 'text/markdown': VECTORS.join('\n\n') }, metadata: {} },
    { output_type: 'display_data', data: { 'image/svg+xml': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>' }, metadata: {} },
    { output_type: 'display_data', data: { 'application/javascript': 'alert(1)' }, metadata: {} },
    { output_type: 'display_data', data: { 'text/javascript': 'alert(1)' }, metadata: {} },
  ];
  const nb = notebook(
    md(VECTORS.join('\n\n')),
    { cell_type: 'raw', metadata: { format: 'text/html' }, source: VECTORS.join('\n') },
    code('1', outputs),
  );

  test('a whole page holds no script, handler, frame, form, meta refresh or base', () => {
    const page = renderer.renderNotebook(nb, { path: 'hostile.ipynb' });
    expect(page).not.toMatch(SCRIPTY);
    expect(page).toContain('Output not shown (application/javascript).');
    expect(page).toContain('Output not shown (text/javascript).'); // what tslab's display.javascript sends
    // The SVG is an image: shown through <img>, its script never runs.
    expect(page).toMatch(/<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="output image">/);
  });

  test('fresh outputs (the workshop streams them through renderOutputs) are sanitised the same way', () => {
    expect(renderer.renderOutputs(outputs)).not.toMatch(SCRIPTY);
  });

  test('html: false still escapes raw HTML before sanitising', async () => {
    const strict = await createRenderer({ html: false, languages: [] });
    try {
      expect(strict.renderNotebook(notebook(md(VECTORS[0] ?? '')), { path: 'x.ipynb' })).toContain('&lt;img src=x onerror="alert(1)"&gt;');
    } finally {
      strict.dispose();
    }
  });
});

describe('Content-Security-Policy', () => {
  test('a static page carries the site policy: no script at all, no plugins, base, forms or frames', () => {
    const page = renderer.renderNotebook(notebook(md('# x')), { path: 'x.ipynb' });
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${SITE_CSP.replaceAll("'", '&#39;')}">`);
    expect(SITE_CSP).toBe("script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'");
  });

  test('a page with scripts gets no meta policy (its server sends the live policy)', () => {
    const page = renderer.renderNotebook(notebook(md('# x')), { path: 'x.ipynb', scripts: ['/a.js'] });
    expect(page).not.toContain('http-equiv');
    expect(livePageCsp(['ws://127.0.0.1:1'])).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; font-src 'self'; " +
        "connect-src 'self' ws://127.0.0.1:1; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; " +
        "frame-src 'none'; frame-ancestors 'none'",
    );
  });
});
