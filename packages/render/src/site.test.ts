import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NotebookFormatError, type Notebook } from '@scalable-ts/notebook';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  buildSite,
  createRenderer,
  NotebookReadError,
  PageConflictError,
  PageRenderError,
  type BuildSiteResult,
  type Renderer,
} from './index.js';
import { fixturePath, md, notebook, toJson } from './test-support/notebooks.js';

let dir: string;
let renderer: Renderer;
let result: BuildSiteResult;
let paths: Record<'first' | 'broken' | 'every' | 'missing' | 'duplicate' | 'last', string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'render-site-'));
  renderer = await createRenderer();
  const src = join(dir, 'notebooks');
  await mkdir(join(src, 'other'), { recursive: true });
  paths = {
    first: join(src, '01-first.ipynb'),
    broken: join(src, '02-broken.ipynb'),
    every: join(src, '03-every.ipynb'),
    missing: join(src, '04-missing.ipynb'),
    duplicate: join(src, 'other', '01-first.ipynb'),
    last: join(src, '05-last.ipynb'),
  };
  await writeFile(paths.first, toJson(notebook(md('# First & <em>one</em>\n\nIt comes first.'))));
  await writeFile(paths.broken, '{"nbformat": 4, "cells": [');
  await copyFile(fixturePath('every-output.ipynb'), paths.every);
  await writeFile(paths.duplicate, toJson(notebook(md('# Duplicate'))));
  await writeFile(paths.last, toJson(notebook(md('no title here'))));
  result = await buildSite({
    notebooks: [paths.first, paths.broken, paths.every, paths.missing, paths.duplicate, paths.last],
    outDir: join(dir, 'site'),
    siteTitle: 'Test site',
    renderer,
  });
});

afterAll(async () => {
  renderer.dispose();
  await rm(dir, { recursive: true, force: true });
});

const read = (name: string): Promise<string> => readFile(join(dir, 'site', name), 'utf8');

describe('buildSite', () => {
  test('writes one page per good notebook, the index and the stylesheet, no temp files', async () => {
    expect(result.pages.map((p) => [p.title, p.htmlPath])).toEqual([
      ['First & one', join(dir, 'site', '01-first.html')],
      ['Every output type', join(dir, 'site', '03-every.html')],
      ['05-last', join(dir, 'site', '05-last.html')],
    ]);
    expect((await readdir(join(dir, 'site'))).sort()).toEqual([
      '01-first.html',
      '03-every.html',
      '05-last.html',
      'index.html',
      'site.css',
    ]);
    expect(result.indexPath).toBe(join(dir, 'site', 'index.html'));
    expect(result.ms).toBeGreaterThan(0);
    expect(await read('site.css')).toContain('@media print');
  });

  test('reports each failure with its file, in input order', () => {
    expect(result.failures.map((f) => f.path)).toEqual([paths.broken, paths.missing, paths.duplicate]);
    const [broken, missing, duplicate] = result.failures.map((f) => f.error);
    expect(broken).toBeInstanceOf(NotebookFormatError);
    expect(broken).toMatchObject({ code: 'ERR_NOTEBOOK_FORMAT', path: paths.broken });
    expect(broken?.message).toContain(`${paths.broken}: is not valid JSON (line 1, column 27)`);
    expect(missing).toBeInstanceOf(NotebookReadError);
    expect(missing?.message).toContain(paths.missing);
    expect(duplicate).toBeInstanceOf(PageConflictError);
    expect(duplicate?.message).toBe(`${paths.duplicate}: its page 01-first.html is already taken by ${paths.first}`);
  });

  test('the index lists the pages in order with their files\' numbers, title, summary and link', async () => {
    const index = await read('index.html');
    expect(index).toContain('<title>Test site</title>');
    const entries = [...index.matchAll(/<li class="toc-entry"><span class="toc-number">(\d+)<\/span>.*?href="([^"]+)">([^<]*)<\/a>(?:<p class="toc-summary">([^<]*)<\/p>)?/g)].map(
      (m) => m.slice(1),
    );
    expect(entries).toEqual([
      ['01', '01-first.html', 'First &amp; one', 'It comes first.'],
      ['03', '03-every.html', 'Every output type', expect.stringContaining('This notebook holds one of every output')],
      ['05', '05-last.html', '05-last', 'no title here'],
    ]);
  });

  test('prev/next link only to pages that were written', async () => {
    const every = await read('03-every.html');
    expect(every).toMatch(/rel="prev" href="01-first.html">.*First &amp; one<\/a>/);
    expect(every).toMatch(/rel="next" href="05-last.html">/);
    expect(await read('01-first.html')).not.toContain('rel="prev"');
    expect(await read('05-last.html')).not.toContain('rel="next"');
    expect(every).toContain('<a class="site-title" href="index.html">Test site</a>');
  });

  test('a notebook that breaks the nbformat schema is reported by file and JSON pointer', async () => {
    const invalid = join(dir, 'notebooks', '06-invalid.ipynb');
    const nb = notebook(md('# Invalid'));
    await writeFile(invalid, JSON.stringify({ ...nb, cells: [{ ...nb.cells[0], source: 3 }] }));
    const out = join(dir, 'site-invalid');
    const { pages, failures } = await buildSite({ notebooks: [invalid, paths.first], outDir: out, renderer });
    expect(pages.map((p) => p.path)).toEqual([paths.first]);
    expect(failures).toHaveLength(1);
    const error = failures[0]?.error;
    expect(error).toBeInstanceOf(NotebookFormatError);
    expect(error).toMatchObject({ code: 'ERR_NOTEBOOK_FORMAT', path: invalid });
    expect(error?.message.split('\n')[0]).toBe(`${invalid}: does not match the nbformat v4.5 schema:`);
    expect(error?.message).toContain('/cells/0/source: must be string (got number)');
  });

  test('a notebook named index.ipynb cannot overwrite the index', async () => {
    const indexNb = join(dir, 'notebooks', 'index.ipynb');
    await writeFile(indexNb, toJson(notebook(md('# Index?'))));
    const out = join(dir, 'site-2');
    const { pages, failures } = await buildSite({ notebooks: [indexNb], outDir: out, renderer });
    expect(pages).toEqual([]);
    expect(failures[0]?.error).toBeInstanceOf(PageConflictError);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain('No notebooks yet.');
  });

  test('a page that fails to render is reported and its neighbours link past it', async () => {
    const failing: Renderer = {
      ...renderer,
      renderNotebook: (nb, options) => {
        if (options.path === paths.every) throw new Error('boom');
        return renderer.renderNotebook(nb, options);
      },
    };
    const out = join(dir, 'site-3');
    const { pages, failures } = await buildSite({ notebooks: [paths.first, paths.every, paths.last], outDir: out, renderer: failing });
    expect(pages.map((p) => p.path)).toEqual([paths.first, paths.last]);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.error).toBeInstanceOf(PageRenderError);
    expect(failures[0]?.error.message).toBe(`Cannot render ${paths.every}: boom`);
    expect(await readFile(join(out, '01-first.html'), 'utf8')).toMatch(/rel="next" href="05-last.html"/);
    expect(await readFile(join(out, '05-last.html'), 'utf8')).toMatch(/rel="prev" href="01-first.html"/);
  });

  test('takes notebooks already in memory, checked like files', async () => {
    const out = join(dir, 'site-4');
    const { pages, failures } = await buildSite({
      notebooks: [
        { path: 'run/07-fresh.ipynb', notebook: notebook(md('# Fresh\n\nJust executed.')) },
        { path: 'run/08-bad.ipynb', notebook: { cells: 'nope' } as unknown as Notebook },
      ],
      outDir: out,
      renderer,
    });
    expect(pages).toEqual([{ path: 'run/07-fresh.ipynb', title: 'Fresh', htmlPath: join(out, '07-fresh.html') }]);
    expect(failures[0]?.error).toBeInstanceOf(NotebookFormatError);
    expect(failures[0]?.error.message).toBe('run/08-bad.ipynb: is not a notebook: it has no "nbformat" field');
  });

  test('rejects bad options with a TypeError', async () => {
    await expect(buildSite({ notebooks: 'a.ipynb' as unknown as string[], outDir: 'x' })).rejects.toThrow(TypeError);
    await expect(buildSite({ notebooks: [], outDir: '' })).rejects.toThrow(/outDir/);
  });
});
