import type { Notebook } from '@scalable-ts/notebook';
import { expectTypeOf, test } from 'vitest';
import {
  buildSite,
  createRenderer,
  notebookSummary,
  notebookTitle,
  serveSite,
  type BuildSiteResult,
  type NotebookSource,
  type Renderer,
  type SiteServer,
} from './index.js';

test('public signatures', () => {
  expectTypeOf(createRenderer).returns.toEqualTypeOf<Promise<Renderer>>();
  expectTypeOf<Renderer['renderNotebook']>().returns.toEqualTypeOf<string>();
  expectTypeOf(notebookTitle).parameters.toEqualTypeOf<[Notebook, string]>();
  expectTypeOf(notebookSummary).returns.toEqualTypeOf<string>();
  expectTypeOf(buildSite).returns.resolves.toEqualTypeOf<BuildSiteResult>();
  expectTypeOf<BuildSiteResult['pages'][number]>().toEqualTypeOf<{
    readonly path: string;
    readonly title: string;
    readonly htmlPath: string;
  }>();
  expectTypeOf(serveSite).returns.resolves.toEqualTypeOf<SiteServer>();
  expectTypeOf<SiteServer['close']>().returns.toEqualTypeOf<Promise<void>>();
});

test('renderNotebook needs a path; links are href + title', () => {
  expectTypeOf<Parameters<Renderer['renderNotebook']>[1]>().toHaveProperty('path').toEqualTypeOf<string>();
  // @ts-expect-error path is required
  const bad: Parameters<Renderer['renderNotebook']>[1] = { index: { href: 'index.html', title: 'x' } };
  void bad;
});

test('notebooks are the Notebook of @scalable-ts/notebook, so readNotebook output renders as is', () => {
  expectTypeOf<Parameters<Renderer['renderNotebook']>[0]>().toEqualTypeOf<Notebook>();
  expectTypeOf<Exclude<NotebookSource, string>['notebook']>().toEqualTypeOf<Notebook>();
});

test('a notebook literal from JSON-like data fits Notebook', () => {
  const nb = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [{ cell_type: 'code', execution_count: 1, metadata: {}, source: ['1'], outputs: [{ output_type: 'stream', name: 'stdout', text: '1\n' }] }],
  } satisfies Notebook;
  expectTypeOf(nb).toExtend<Notebook>();
});
