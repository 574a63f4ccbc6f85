/**
 * The site's index page: every notebook in order, with its number, title and summary. The number
 * is the file's own (`00` for `00-welcome`), the one notebooks use to refer to each other, not
 * its position in the list.
 */
import { escapeHtml } from './html.js';
import { renderLayout } from './layout.js';

/** One line of the index. */
export interface IndexEntry {
  readonly href: string;
  readonly title: string;
  readonly summary: string;
  /** The number shown; by default the leading digits of the file name in `href` (none without). */
  readonly number?: string;
}

/**
 * The number a notebook's file name starts with (`'03'` for `notebooks/03-iterators.ipynb` or
 * `03-iterators.html`), or `''` when it has none.
 */
export function fileNumber(href: string): string {
  const name = href.split(/[?#]/)[0]?.split('/').pop() ?? '';
  return /^(\d+)(?=[-_. ]|$)/.exec(decodeURIComponent(name))?.[1] ?? '';
}

/** Longest summary shown on the index before it is cut at a word boundary. */
const SUMMARY_MAX = 200;

/** Shorten `text` to at most `max` characters, cutting at a space and adding `…`. */
export function truncate(text: string, max = SUMMARY_MAX): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** Options of {@link renderIndexPage}. */
export interface IndexPageOptions {
  /** Site name: page title, heading and header link. */
  readonly siteTitle: string;
  /** URL of the site stylesheet. */
  readonly stylesheetHref: string;
  /** Stylesheets linked after it (default none). */
  readonly stylesheets?: readonly string[];
  /** Module scripts for `<head>` (default none: the page stays script-free). */
  readonly scripts?: readonly string[];
}

/**
 * The index page's HTML: one entry per notebook with its file's number ({@link fileNumber}), title
 * and summary (cut at 200 characters), linking to `entry.href`; the header links the site name to
 * `index.html`.
 *
 * @example
 * ```ts
 * renderIndexPage([{ href: '01-queues.html', title: 'Queues', summary: '…' }], { siteTitle: 'Notebooks', stylesheetHref: 'site.css' });
 * ```
 */
export function renderIndexPage(entries: readonly IndexEntry[], options: IndexPageOptions): string {
  const items = entries.map((entry) => {
    const summary = entry.summary ? `<p class="toc-summary">${escapeHtml(truncate(entry.summary))}</p>` : '';
    return (
      `<li class="toc-entry"><span class="toc-number">${escapeHtml(entry.number ?? fileNumber(entry.href))}</span>` +
      `<div class="toc-text"><a class="toc-title" href="${escapeHtml(entry.href)}">${escapeHtml(entry.title)}</a>${summary}</div></li>`
    );
  });
  const list = entries.length > 0 ? `<ol class="toc">\n${items.join('\n')}\n</ol>` : '<p>No notebooks yet.</p>';
  return renderLayout({
    title: options.siteTitle,
    siteTitle: options.siteTitle,
    stylesheetHref: options.stylesheetHref,
    index: { href: 'index.html', title: options.siteTitle },
    bodyClass: 'index-page',
    stylesheets: options.stylesheets,
    scripts: options.scripts,
    body: `<h1>${escapeHtml(options.siteTitle)}</h1>\n${list}`,
  });
}
