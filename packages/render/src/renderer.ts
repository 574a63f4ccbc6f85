/**
 * The renderer: one shiki highlighter and one markdown-it instance, created once, turning any
 * number of notebooks into HTML pages.
 *
 * How it works: `createRenderer` is async only because shiki loads its engine and grammars; after
 * that, `renderNotebook` is synchronous and pure (same notebook and options, same HTML). Each call
 * starts a fresh markdown env, so heading slugs are unique within a page and stable across builds.
 */
import { basename } from 'node:path';
import type { Notebook, Output } from '@scalable-ts/notebook';
import { renderCell, type CellContext } from './cells.js';
import { createCodeHighlighter, DEFAULT_LANGUAGES, DEFAULT_THEME } from './highlight.js';
import { renderLayout, type PageLink } from './layout.js';
import { createMarkdown } from './markdown.js';
import { renderOutputs } from './outputs.js';
import { notebookSummary, notebookTitle } from './text.js';

/** Options of {@link createRenderer}. */
export interface RendererOptions {
  /** Site name shown in every page header and `<title>` (default `"Notebooks"`). */
  readonly siteTitle?: string;
  /** A shiki theme name (default `"github-light"`: light, and prints well). */
  readonly theme?: string;
  /** Shiki languages to load (default: typescript, javascript, json, bash, shell, html, css, python, diff). */
  readonly languages?: readonly string[];
  /** URL of the stylesheet from a page (default `"site.css"`, next to the pages). */
  readonly stylesheetHref?: string;
  /** Allow raw HTML in markdown cells (default `true`; sanitised either way, see `sanitize.ts`). */
  readonly html?: boolean;
}

/** Options of {@link Renderer.renderNotebook}. */
export interface RenderPageOptions {
  /** The notebook's file path: title fallback and page footer. */
  readonly path: string;
  /** Overrides the renderer's `siteTitle` for this page. */
  readonly siteTitle?: string;
  /** Link to the site index; the header links the site name to it (plain text when absent). */
  readonly index?: PageLink;
  /** Link to the previous notebook. */
  readonly prev?: PageLink;
  /** Link to the next notebook. */
  readonly next?: PageLink;
  /**
   * Give every cell's element `data-cell-index` (its position in `nb.cells`), so a live front end
   * can address cells (default `false`).
   */
  readonly cellIndices?: boolean;
  /** Stylesheets linked after the renderer's own (default none). */
  readonly stylesheets?: readonly string[];
  /** Module scripts for `<head>` (default none: the page stays script-free). */
  readonly scripts?: readonly string[];
}

/** Turns notebooks into HTML pages; create with {@link createRenderer}, reuse for a whole site. */
export interface Renderer {
  /**
   * Render a notebook to a complete, script-free HTML page.
   *
   * @example
   * ```ts
   * const html = renderer.renderNotebook(nb, { path: 'notebooks/01-queues.ipynb', index: { href: 'index.html', title: 'Contents' } });
   * ```
   */
  renderNotebook(nb: Notebook, options: RenderPageOptions): string;
  /**
   * Render a code cell's outputs as a page shows them inside the cell's `<div class="outputs">`
   * (`''` for none): for a live front end that redraws outputs while they stream in.
   *
   * @example
   * ```ts
   * renderer.renderOutputs([{ output_type: 'stream', name: 'stdout', text: '42\n' }]);
   * // '<div class="output output-stream output-stdout"><pre>42\n</pre></div>'
   * ```
   */
  renderOutputs(outputs: readonly Output[]): string;
  /** The site title pages get when `renderNotebook` is not given one. */
  readonly siteTitle: string;
  /** The stylesheet URL pages link to. */
  readonly stylesheetHref: string;
  /** Release shiki's grammars and engine. The renderer must not be used afterwards. */
  dispose(): void;
}

/**
 * Create a renderer: loads shiki once with the theme and languages, then renders synchronously.
 *
 * @example
 * ```ts
 * import { writeFile } from 'node:fs/promises';
 * import { readNotebook } from '@scalable-ts/notebook';
 * import { createRenderer } from '@scalable-ts/render';
 *
 * const renderer = await createRenderer({ siteTitle: 'Scalable TypeScript' });
 * const nb = await readNotebook('notebooks/01-queues.ipynb');
 * await writeFile('01-queues.html', renderer.renderNotebook(nb, { path: 'notebooks/01-queues.ipynb' }));
 * renderer.dispose();
 * ```
 */
export async function createRenderer(options: RendererOptions = {}): Promise<Renderer> {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`createRenderer: options must be an object, got ${String(options)}`);
  }
  const siteTitle = options.siteTitle ?? 'Notebooks';
  const stylesheetHref = options.stylesheetHref ?? 'site.css';
  const highlighter = await createCodeHighlighter(options.theme ?? DEFAULT_THEME, options.languages ?? DEFAULT_LANGUAGES);
  const markdown = createMarkdown(highlighter, { html: options.html ?? true });

  return {
    siteTitle,
    stylesheetHref,
    renderNotebook(nb, page) {
      if (typeof nb !== 'object' || nb === null || !Array.isArray(nb.cells)) {
        throw new TypeError('renderNotebook: nb must be an nbformat 4 notebook with a cells array');
      }
      if (typeof page?.path !== 'string') {
        throw new TypeError(`renderNotebook: options.path must be a string, got ${typeof page?.path}`);
      }
      const ctx: CellContext = {
        highlighter,
        markdown,
        env: {},
        language: nb.metadata?.language_info?.name ?? nb.metadata?.kernelspec?.language,
      };
      const cells = nb.cells.map((cell, i) => renderCell(cell, ctx, page.cellIndices ? i : undefined)).filter(Boolean);
      return renderLayout({
        title: notebookTitle(nb, page.path),
        siteTitle: page.siteTitle ?? siteTitle,
        description: notebookSummary(nb),
        stylesheetHref,
        index: page.index,
        prev: page.prev,
        next: page.next,
        bodyClass: 'notebook-page',
        stylesheets: page.stylesheets,
        scripts: page.scripts,
        body: `<article class="notebook">\n${cells.join('\n')}\n</article>`,
        footer: `Rendered from ${basename(page.path)}`,
      });
    },
    renderOutputs(outputs) {
      if (!Array.isArray(outputs)) throw new TypeError(`renderOutputs: outputs must be an array, got ${typeof outputs}`);
      return renderOutputs(outputs, { highlighter, markdown, env: {} });
    },
    dispose() {
      highlighter.dispose();
    },
  };
}
