/**
 * The workshop's two kinds of page, rendered by `@scalable-ts/render` exactly as the static site
 * renders them, plus the workshop's stylesheet and script: the notebook list, and one notebook
 * with every cell marked by its index (`data-cell-index`) so the page script can run it.
 */
import { firstLine } from '@scalable-ts/notebook';
import { notebookSummary, notebookTitle, renderIndexPage, type IndexEntry, type Renderer } from '@scalable-ts/render';
import { PAGE_ASSETS, type PageAssets } from './assets.js';
import type { Catalog, CatalogEntry } from './catalog.js';
import { NOTEBOOK_PATH } from './protocol.js';

/** URL of a notebook's view. */
export const notebookHref = (name: string): string => `${NOTEBOOK_PATH}${encodeURIComponent(name)}`;

/** Renders the list and notebook views. */
export class Pages {
  readonly #renderer: Renderer;
  readonly #catalog: Catalog;
  readonly #siteTitle: string;
  readonly #assets: PageAssets;

  /** `assets`: the stylesheets and scripts the pages link (the follower listener's own, with `--present`). */
  constructor(renderer: Renderer, catalog: Catalog, siteTitle: string, assets: PageAssets = PAGE_ASSETS) {
    this.#renderer = renderer;
    this.#catalog = catalog;
    this.#siteTitle = siteTitle;
    this.#assets = assets;
  }

  /** The notebook list: titles and summaries read now; a notebook that fails to read says why. */
  async list(): Promise<string> {
    const entries = await Promise.all(this.#catalog.entries.map((entry) => this.#indexEntry(entry)));
    return renderIndexPage(entries, {
      siteTitle: this.#siteTitle,
      stylesheetHref: this.#assets.siteStylesheet,
      stylesheets: this.#assets.stylesheets,
      scripts: this.#assets.scripts,
    });
  }

  /** A notebook's live view. Throws what {@link Catalog.load} throws. */
  async notebook(name: string): Promise<string> {
    const { notebook, path } = await this.#catalog.load(name);
    const { prev, next } = this.#catalog.neighbours(name);
    const link = async (entry: CatalogEntry | undefined) =>
      entry ? { href: notebookHref(entry.name), title: (await this.#indexEntry(entry)).title } : undefined;
    const [prevLink, nextLink] = await Promise.all([link(prev), link(next)]);
    return this.#renderer.renderNotebook(notebook, {
      path,
      siteTitle: this.#siteTitle,
      index: { href: '/', title: 'All notebooks' },
      ...(prevLink ? { prev: prevLink } : {}),
      ...(nextLink ? { next: nextLink } : {}),
      cellIndices: true,
      stylesheets: this.#assets.stylesheets,
      scripts: this.#assets.scripts,
    });
  }

  async #indexEntry(entry: CatalogEntry): Promise<IndexEntry> {
    const href = notebookHref(entry.name);
    try {
      const { notebook } = await this.#catalog.load(entry.name);
      return { href, title: notebookTitle(notebook, entry.path), summary: notebookSummary(notebook) };
    } catch (error) {
      return { href, title: entry.name, summary: `Cannot be read: ${firstLine(error)}` };
    }
  }
}
