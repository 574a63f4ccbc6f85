/**
 * `@scalable-ts/render`: executed Jupyter notebooks to a static, script-free HTML site.
 *
 * - {@link createRenderer} loads shiki once and renders notebooks to pages;
 * - {@link buildSite} renders a list of `.ipynb` files, an index and the stylesheet into a folder;
 * - {@link serveSite} serves that folder on 127.0.0.1 for a look in the browser;
 * - {@link notebookTitle} and {@link notebookSummary} read a notebook's title and first paragraph;
 * - {@link renderIndexPage} renders a list of notebooks in the site's look.
 *
 * Notebooks are the `Notebook` type of `@scalable-ts/notebook`, which also reads and validates them
 * (`readNotebook`, `parseNotebook`); this package does not re-export it.
 *
 * @packageDocumentation
 */
export { createRenderer } from './renderer.js';
export type { Renderer, RendererOptions, RenderPageOptions } from './renderer.js';
export type { PageLink } from './layout.js';
export { notebookSummary, notebookTitle } from './text.js';
export { fileNumber, renderIndexPage } from './index-page.js';
export type { IndexEntry, IndexPageOptions } from './index-page.js';
export { buildSite } from './site.js';
export type { BuildSiteOptions, BuildSiteResult, NotebookSource, SiteFailure, SitePage } from './site.js';
export { serveSite } from './serve.js';
export type { ServeOptions, SiteServer } from './serve.js';
export { siteStylesheetPath } from './assets.js';
export { sanitizeHtml } from './sanitize.js';
export { SITE_CSP, livePageCsp } from './csp.js';
export type { CauseOptions } from '@scalable-ts/base';
export {
  NotebookReadError,
  PageConflictError,
  PageRenderError,
  RenderError,
  ServeRootError,
  type RenderErrorCode,
} from './errors.js';
