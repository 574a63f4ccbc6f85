/**
 * Build a static site from notebooks: one page per notebook, an index, the stylesheet.
 *
 * How it works, in four passes so one bad notebook never costs the others:
 *   1. read every notebook (in parallel) and check it against the nbformat schema with
 *      `@scalable-ts/notebook`; a failure is recorded with its file name;
 *   2. give each parsed notebook its page name `<base name>.html`, recording conflicts;
 *   3. render the survivors with prev/next links to their neighbours; if a render throws, drop
 *      that notebook and render again, so no page ever links to a page that was not written;
 *   4. write pages, then the index listing the pages written, then `site.css`, each atomically.
 * Failures are returned, not thrown: the caller decides the exit code. Only a failure to create
 * `outDir` or to write the index or stylesheet throws. Files from earlier builds are left alone.
 */
import { readFile, mkdir } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { writeFileAtomic } from '@scalable-ts/base';
import { NotebookFormatError, parseNotebook, readNotebook, type Notebook } from '@scalable-ts/notebook';
import { siteStylesheetPath } from './assets.js';
import { NotebookReadError, PageConflictError, PageRenderError } from './errors.js';
import { renderIndexPage } from './index-page.js';
import type { PageLink } from './layout.js';
import { createRenderer, type Renderer } from './renderer.js';
import { notebookSummary, notebookTitle } from './text.js';

/**
 * A notebook for the site: a `.ipynb` path to read, or a notebook already in memory (e.g. just
 * executed) with the path its page is named after.
 */
export type NotebookSource = string | { readonly path: string; readonly notebook: Notebook };

/** Options of {@link buildSite}. */
export interface BuildSiteOptions {
  /** Notebooks in the order the site lists them: `.ipynb` paths, or `{ path, notebook }` in memory. */
  readonly notebooks: readonly NotebookSource[];
  /** Directory to write into (created if missing). */
  readonly outDir: string;
  /** Site name for headers, titles and the index (default `"Notebooks"`). */
  readonly siteTitle?: string;
  /**
   * A renderer to reuse (e.g. across rebuilds); it must link `site.css` (the default). When
   * omitted, one is created and disposed of by this call.
   */
  readonly renderer?: Renderer;
}

/** A page that was written. */
export interface SitePage {
  /** The notebook's path, as given. */
  readonly path: string;
  /** Its title (first `# ` heading, or the file name). */
  readonly title: string;
  /** Absolute path of the HTML file written. */
  readonly htmlPath: string;
}

/** A notebook that produced no page. */
export interface SiteFailure {
  /** The notebook's path, as given. */
  readonly path: string;
  /**
   * Why, with a stable `code` and a message that names the file: a `NotebookFormatError` from
   * `@scalable-ts/notebook` (`ERR_NOTEBOOK_FORMAT`) when the notebook is not valid nbformat 4,
   * otherwise a `RenderError` of this package.
   */
  readonly error: Error;
}

/** What {@link buildSite} did. */
export interface BuildSiteResult {
  /** Pages written, in site order. */
  readonly pages: readonly SitePage[];
  /** Notebooks that failed, in the order given. */
  readonly failures: readonly SiteFailure[];
  /** Absolute path of the index page. */
  readonly indexPath: string;
  /** Wall time of the build in milliseconds. */
  readonly ms: number;
}

interface Parsed {
  readonly order: number;
  readonly path: string;
  readonly nb: Notebook;
  readonly htmlName: string;
  readonly title: string;
}

const sourcePath = (source: NotebookSource): string => (typeof source === 'string' ? source : source.path);

const isSource = (source: unknown): source is NotebookSource =>
  typeof source === 'string' ||
  (typeof source === 'object' && source !== null && typeof (source as { path?: unknown }).path === 'string' && 'notebook' in source);

async function load(source: NotebookSource): Promise<Notebook> {
  // An in-memory notebook gets the same checks as the file it would be saved as.
  if (typeof source !== 'string') return parseNotebook(JSON.stringify(source.notebook) ?? 'undefined', source.path);
  try {
    return await readNotebook(source);
  } catch (error) {
    // A format error already names the file and what is wrong; a file-system error gets the path and a code.
    if (error instanceof NotebookFormatError) throw error;
    throw new NotebookReadError(source, { cause: error });
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Render notebooks to `outDir/<name>.html`, write `outDir/index.html` and copy `site.css`.
 *
 * @returns written pages, failures (one per notebook that produced no page) and the time taken.
 * @throws TypeError for bad options; file system errors creating `outDir` or writing the index.
 *
 * @example
 * ```ts
 * const { pages, failures, ms } = await buildSite({
 *   notebooks: ['notebooks/01-queues.ipynb', 'notebooks/02-workers.ipynb'],
 *   outDir: 'site',
 *   siteTitle: 'Scalable TypeScript',
 * });
 * for (const f of failures) console.error(f.error.message);
 * process.exitCode = failures.length > 0 ? 1 : 0;
 * ```
 */
export async function buildSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const started = performance.now();
  if (!Array.isArray(options?.notebooks) || !options.notebooks.every(isSource)) {
    throw new TypeError('buildSite: options.notebooks must be an array of .ipynb paths or { path, notebook } objects');
  }
  if (typeof options.outDir !== 'string' || options.outDir === '') {
    throw new TypeError(`buildSite: options.outDir must be a non-empty string, got ${String(options.outDir)}`);
  }
  const outDir = resolve(options.outDir);
  const siteTitle = options.siteTitle ?? 'Notebooks';
  const failures: { order: number; failure: SiteFailure }[] = [];
  const fail = (order: number, path: string, error: unknown): void => {
    failures.push({ order, failure: { path, error: asError(error) } });
  };

  // 1. Read and validate.
  const loaded = await Promise.allSettled(options.notebooks.map(load));

  // 2. Name pages.
  const claimed = new Map<string, string>([['index.html', 'the site index']]);
  let parsed: Parsed[] = [];
  loaded.forEach((result, order) => {
    const path = sourcePath(options.notebooks[order] as NotebookSource);
    if (result.status === 'rejected') return fail(order, path, result.reason);
    const htmlName = `${basename(path).replace(/\.ipynb$/i, '')}.html`;
    const owner = claimed.get(htmlName.toLowerCase());
    if (owner !== undefined) return fail(order, path, new PageConflictError(path, htmlName, owner));
    claimed.set(htmlName.toLowerCase(), path);
    parsed.push({ order, path, nb: result.value, htmlName, title: notebookTitle(result.value, path) });
  });

  const renderer = options.renderer ?? (await createRenderer({ siteTitle }));
  try {
    // 3. Render until every page that links to a neighbour links to one that exists.
    const index: PageLink = { href: 'index.html', title: siteTitle };
    let html: string[] = [];
    for (;;) {
      const broken = new Set<Parsed>();
      html = parsed.map((page, i) => {
        const link = (p: Parsed | undefined): PageLink | undefined => p && { href: p.htmlName, title: p.title };
        try {
          const prev = link(parsed[i - 1]);
          const next = link(parsed[i + 1]);
          return renderer.renderNotebook(page.nb, {
            path: page.path,
            siteTitle,
            index,
            ...(prev && { prev }),
            ...(next && { next }),
          });
        } catch (error) {
          broken.add(page);
          fail(page.order, page.path, new PageRenderError(page.path, { cause: error }));
          return '';
        }
      });
      if (broken.size === 0) break;
      parsed = parsed.filter((page) => !broken.has(page));
    }

    // 4. Write pages, index, stylesheet.
    await mkdir(outDir, { recursive: true });
    const written = await Promise.allSettled(
      parsed.map((page, i) => writeFileAtomic(resolve(outDir, page.htmlName), html[i] ?? '')),
    );
    const pages: SitePage[] = [];
    const entries: { href: string; title: string; summary: string }[] = [];
    written.forEach((result, i) => {
      const page = parsed[i] as Parsed;
      if (result.status === 'rejected') {
        return fail(page.order, page.path, new PageRenderError(page.path, { cause: result.reason }));
      }
      pages.push({ path: page.path, title: page.title, htmlPath: resolve(outDir, page.htmlName) });
      entries.push({ href: page.htmlName, title: page.title, summary: notebookSummary(page.nb) });
    });
    const indexPath = resolve(outDir, 'index.html');
    await writeFileAtomic(indexPath, renderIndexPage(entries, { siteTitle, stylesheetHref: 'site.css' }));
    await writeFileAtomic(resolve(outDir, 'site.css'), await readFile(siteStylesheetPath));

    return {
      pages,
      failures: failures.sort((a, b) => a.order - b.order).map((f) => f.failure),
      indexPath,
      ms: performance.now() - started,
    };
  } finally {
    if (!options.renderer) renderer.dispose();
  }
}
