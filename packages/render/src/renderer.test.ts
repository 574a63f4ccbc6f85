import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createRenderer, type Renderer } from './index.js';
import { code, loadFixture, md, notebook } from './test-support/notebooks.js';

let renderer: Renderer;
let page: string;
let renderMs: number;

beforeAll(async () => {
  renderer = await createRenderer({ siteTitle: 'Scalable <TS>' });
  const started = performance.now();
  page = renderer.renderNotebook(loadFixture('every-output.ipynb'), {
    path: 'notebooks/every-output.ipynb',
    index: { href: 'index.html', title: 'Contents' },
    prev: { href: '00-welcome.html', title: 'Welcome' },
    next: { href: '02-next.html', title: 'Next & last' },
  });
  renderMs = performance.now() - started;
});

afterAll(() => renderer.dispose());

/** The HTML of the cell whose id is `id`. */
const cell = (id: string): string => {
  const start = page.indexOf(`id="cell-${id}"`);
  expect(start, `cell ${id}`).toBeGreaterThan(0);
  const end = page.indexOf('<div class="cell ', start);
  return page.slice(start, end === -1 ? page.indexOf('</article>') : end);
};

describe('page shell', () => {
  test('is a complete document with title, stylesheet, header and pager', () => {
    expect(page).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(page).toContain('<title>Every output type · Scalable &lt;TS&gt;</title>');
    expect(page).toContain('<link rel="stylesheet" href="site.css">');
    expect(page).toContain('<a class="site-title" href="index.html">Scalable &lt;TS&gt;</a>');
    expect(page).toMatch(/<a class="pager-prev" rel="prev" href="00-welcome.html">.*Welcome<\/a>/);
    expect(page).toMatch(/<a class="pager-next" rel="next" href="02-next.html">.*Next &amp; last<\/a>/);
    expect(page).toContain('<meta name="description" content="This notebook holds one of every output');
    expect(page).toContain('Rendered from every-output.ipynb');
  });

  test('needs no JavaScript', () => {
    expect(page).not.toMatch(/<script/i);
  });

  test('renders the fixture quickly once shiki is warm', () => {
    const started = performance.now();
    renderer.renderNotebook(loadFixture('every-output.ipynb'), { path: 'x.ipynb' });
    const warm = performance.now() - started;
    console.info(`fixture render: first ${renderMs.toFixed(1)} ms, warm ${warm.toFixed(1)} ms`);
    expect(warm).toBeLessThan(500);
  });

  test('without an index link the site name is plain text', () => {
    const html = renderer.renderNotebook(notebook(md('# T')), { path: 't.ipynb', siteTitle: 'Other' });
    expect(html).toContain('<span class="site-title">Other</span>');
    expect(html).not.toContain('class="pager');
  });
});

describe('markdown cells', () => {
  test('headings get stable slugs and permalinks, unique per page', () => {
    expect(cell('title')).toContain('<h1 id="every-output-type">Every <em>output</em> type <a class="anchor" href="#every-output-type"');
    expect(cell('exercises')).toContain('<h2 id="exercises">');
    expect(cell('exercises-again')).toContain('<h2 id="exercises-1">');
  });

  test('fenced code is highlighted by shiki', () => {
    expect(cell('md-code')).toMatch(/<pre class="shiki github-light"[^>]*><code><span class="line"><span style="color:#D73A49">const<\/span>/);
  });

  test('attachments resolve to data URIs', () => {
    expect(cell('md-code')).toMatch(/<img src="data:image\/png;base64,iVBORw0KGgo[^"]*" alt="a dot" \/>/);
  });

  test('raw HTML is kept (sanitised: see sanitize.test.ts)', () => {
    expect(cell('md-code')).toContain('<kbd>Ctrl</kbd>');
  });

  test('html: false escapes raw HTML', async () => {
    const strict = await createRenderer({ html: false, languages: [] });
    try {
      const html = strict.renderNotebook(notebook(md('<b>x</b>')), { path: 'x.ipynb' });
      expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    } finally {
      strict.dispose();
    }
  });
});

describe('code cells', () => {
  test('source is highlighted in the notebook language with its execution count', () => {
    const html = cell('result');
    expect(html).toContain('<div class="prompt prompt-in">In [2]:</div>');
    expect(html).toMatch(/<pre class="shiki github-light"[^>]*><code><span class="line"><span style="color:#005CC5">1<\/span>/);
  });

  test('a cell never run shows an empty prompt', () => {
    const nb = notebook({ cell_type: 'code', execution_count: null, metadata: {}, source: 'x', outputs: [] });
    expect(renderer.renderNotebook(nb, { path: 'x.ipynb' })).toContain('In [ ]:');
  });

  test('hide-input folds the input, solution folds the whole cell', () => {
    expect(cell('hidden')).toMatch(/^id="cell-hidden" data-tags="hide-input"><details class="input-toggle"><summary>Show code<\/summary><div class="input">/);
    expect(cell('solution')).toMatch(/<details class="solution"><summary>Solution<\/summary><div class="input">.*<div class="outputs">.*solved.*<\/details><\/div>/s);
  });

  test('hide-output folds the outputs only', () => {
    const nb = notebook(code('shown()', [{ output_type: 'stream', name: 'stdout', text: 'folded' }], ['hide-output']));
    expect(renderer.renderNotebook(nb, { path: 'x.ipynb' })).toMatch(
      /<\/div><\/div><details class="output-toggle"><summary>Show output<\/summary><div class="outputs">.*folded/s,
    );
  });

  test('remove-* tags leave parts out', () => {
    const nb = notebook(
      code('gone()', [], ['remove-cell']),
      code('noInput()', [{ output_type: 'stream', name: 'stdout', text: 'kept output' }], ['remove-input']),
      code('noOutput()', [{ output_type: 'stream', name: 'stdout', text: 'dropped output' }], ['remove-output']),
    );
    const html = renderer.renderNotebook(nb, { path: 'x.ipynb' });
    expect(html).not.toContain('gone');
    expect(html).not.toContain('noInput');
    expect(html).toContain('kept output');
    expect(html).toContain('noOutput');
    expect(html).not.toContain('dropped output');
  });

  test('a JavaScript notebook is highlighted as JavaScript; an unknown language is escaped plain', () => {
    const js = { ...notebook(code('let a = 1 < 2')), metadata: { kernelspec: { name: 'deno', display_name: 'Deno', language: 'javascript' } } };
    expect(renderer.renderNotebook(js, { path: 'x.ipynb' })).toContain('<span style="color:#D73A49">let</span>');
    const cobol = { ...notebook(code('a < b')), metadata: { language_info: { name: 'cobol' } } };
    expect(renderer.renderNotebook(cobol, { path: 'x.ipynb' })).toContain('<pre class="shiki plain language-cobol"><code>a &lt; b</code></pre>');
  });

  test('raw cells show only as text/html or text/markdown', () => {
    expect(page).not.toContain('raw text not shown');
    const nb = notebook(
      { cell_type: 'raw', metadata: { format: 'text/html' }, source: '<hr class="raw" />' },
      { cell_type: 'raw', metadata: { raw_mimetype: 'text/markdown' }, source: '*raw md*' },
    );
    const html = renderer.renderNotebook(nb, { path: 'x.ipynb' });
    expect(html).toContain('<hr class="raw" />');
    expect(html).toContain('<em>raw md</em>');
  });
});

describe('outputs', () => {
  test('consecutive stdout chunks are merged; stderr is styled apart', () => {
    const html = cell('streams');
    expect(html).toContain('<div class="output output-stream output-stdout"><pre>one\ntwo\n</pre></div>');
    expect(html).toContain('<div class="output output-stream output-stderr"><pre>oops\n</pre></div>');
  });

  test('<script> in a stream output comes out escaped', () => {
    const html = cell('streams');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
  });

  test('ANSI colours become spans', () => {
    expect(cell('streams')).toContain('<span class="ansi-green-fg">green</span> &amp; done');
  });

  test('execute_result shows Out[n] and text/plain', () => {
    expect(cell('result')).toContain('<div class="prompt prompt-out">Out[2]:</div><div class="output-body"><pre class="output-text">2</pre>');
  });

  test('text/html wins over text/plain and is inserted as HTML', () => {
    expect(cell('html')).toContain('<div class="output-html"><table><tr><td>cell</td></tr></table></div>');
    expect(cell('html')).not.toContain('IPython.HTML');
  });

  test('SVG and PNG become data URI images, with sizes from metadata', () => {
    expect(cell('svg')).toMatch(/<img src="data:image\/svg\+xml;base64,PHN2Zy[^"]*" alt="output image">/);
    expect(cell('png')).toMatch(/<img src="data:image\/png;base64,[^"]+" alt="output image" width="20" height="20">/);
  });

  test('application/json is pretty-printed and highlighted, escaped', () => {
    const html = cell('json');
    expect(html).toContain('<div class="output-json"><pre class="shiki');
    expect(html).toContain('"queue"');
    expect(html).toContain('"q&#x3C;1>"');
    expect(html).not.toContain('q<1>');
  });

  test('text/markdown goes through markdown-it, headings and fences included', () => {
    const html = cell('markdown-out');
    expect(html).toContain('<h3 id="from-an-output">From an output');
    expect(html).toContain('<span style="color:#D73A49">let</span>');
  });

  test('error tracebacks keep their colours and escape their text', () => {
    const html = cell('error');
    expect(html).toContain('<div class="output output-error"><pre><span class="ansi-red-fg">TypeError</span>: bad &lt;input&gt;\n');
    expect(html).toContain('at <span class="ansi-bold">&lt;anonymous&gt;</span>:1:7');
  });
});

describe('for a live front end (options off by default)', () => {
  test('cellIndices gives each cell its position; scripts and stylesheets go into <head>', () => {
    const nb = notebook(md('# T'), code('gone()', [], ['remove-cell']), code('1'));
    const html = renderer.renderNotebook(nb, {
      path: 'x.ipynb',
      cellIndices: true,
      scripts: ['/assets/app.js'],
      stylesheets: ['/assets/app.css'],
    });
    expect(html).toContain('<div class="cell markdown-cell" id="cell-cell-1" data-cell-index="0">');
    expect(html).toContain('<div class="cell code-cell" id="cell-cell-3" data-cell-index="2">');
    expect(html).toMatch(/<link rel="stylesheet" href="site.css">\n<link rel="stylesheet" href="\/assets\/app.css">\n<script type="module" src="\/assets\/app.js"><\/script>\n<\/head>/);
  });

  test('without them the page has no indices and no scripts', () => {
    expect(page).not.toContain('data-cell-index');
    expect(page).not.toMatch(/<script/i);
  });

  test('renderOutputs gives the HTML a page shows inside .outputs', () => {
    const outputs = [
      { output_type: 'stream', name: 'stdout', text: '<b>1</b>\n' },
      { output_type: 'stream', name: 'stdout', text: '2\n' },
    ] as const;
    expect(renderer.renderOutputs([...outputs])).toBe('<div class="output output-stream output-stdout"><pre>&lt;b&gt;1&lt;/b&gt;\n2\n</pre></div>');
    expect(cell('streams')).toContain(renderer.renderOutputs(loadFixture('every-output.ipynb').cells.flatMap((c) => (c.id === 'streams' && c.cell_type === 'code' ? c.outputs : []))));
    expect(renderer.renderOutputs([])).toBe('');
    // @ts-expect-error outputs must be an array
    expect(() => renderer.renderOutputs(null)).toThrow(TypeError);
  });
});
