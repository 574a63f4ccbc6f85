/**
 * The page shell shared by notebook pages and the index: head, site header, pager, footer.
 * Every value placed here is escaped; only `body` is HTML.
 */
import { SITE_CSP } from './csp.js';
import { escapeHtml } from './html.js';

/** A link to another page of the site. */
export interface PageLink {
  /** URL, usually relative (`02-workers.html`). */
  readonly href: string;
  /** Link text, usually the page's title. */
  readonly title: string;
}

/** Everything the shell needs. */
export interface LayoutOptions {
  readonly title: string;
  readonly siteTitle: string;
  readonly stylesheetHref: string;
  readonly body: string;
  readonly description?: string | undefined;
  readonly index?: PageLink | undefined;
  readonly prev?: PageLink | undefined;
  readonly next?: PageLink | undefined;
  /** Plain text for the footer. */
  readonly footer?: string | undefined;
  /** Extra class on `<body>` (`notebook-page`, `index-page`). */
  readonly bodyClass?: string | undefined;
  /** Stylesheets linked after `stylesheetHref` (default none). */
  readonly stylesheets?: readonly string[] | undefined;
  /**
   * Module scripts for `<head>` (default none: the page stays script-free and carries
   * {@link SITE_CSP} as a `<meta>` policy). A page with scripts gets no meta policy: the server
   * that runs it sends its own header (`livePageCsp`).
   */
  readonly scripts?: readonly string[] | undefined;
}

function pager(prev: PageLink | undefined, next: PageLink | undefined): string {
  if (!prev && !next) return '';
  const link = (l: PageLink | undefined, rel: 'prev' | 'next', label: string): string =>
    l
      ? `<a class="pager-${rel}" rel="${rel}" href="${escapeHtml(l.href)}"><span class="pager-label">${label}</span> ${escapeHtml(l.title)}</a>`
      : `<span class="pager-${rel}"></span>`;
  return `<nav class="pager" aria-label="Previous and next">${link(prev, 'prev', '← Previous')}${link(next, 'next', 'Next →')}</nav>`;
}

/**
 * A complete HTML document.
 *
 * @example
 * ```ts
 * renderLayout({ title: 'Queues', siteTitle: 'Scalable TS', stylesheetHref: 'site.css', body: '<p>…</p>' });
 * ```
 */
export function renderLayout(options: LayoutOptions): string {
  const { title, siteTitle, index } = options;
  const fullTitle = title === siteTitle ? title : `${title} · ${siteTitle}`;
  const home = index
    ? `<a class="site-title" href="${escapeHtml(index.href)}">${escapeHtml(siteTitle)}</a>`
    : `<span class="site-title">${escapeHtml(siteTitle)}</span>`;
  const contents = index ? `<a class="site-contents" href="${escapeHtml(index.href)}">All notebooks</a>` : '';
  const description = options.description
    ? `\n<meta name="description" content="${escapeHtml(options.description)}">`
    : '';
  const bodyClass = options.bodyClass ? ` class="${escapeHtml(options.bodyClass)}"` : '';
  const pages = pager(options.prev, options.next);
  const head = [
    ...(options.stylesheets ?? []).map((href) => `\n<link rel="stylesheet" href="${escapeHtml(href)}">`),
    ...(options.scripts ?? []).map((src) => `\n<script type="module" src="${escapeHtml(src)}"></script>`),
  ].join('');
  const policy = (options.scripts ?? []).length === 0 ? `\n<meta http-equiv="Content-Security-Policy" content="${escapeHtml(SITE_CSP)}">` : '';
  const footer = options.footer ? `<footer class="site-footer">${escapeHtml(options.footer)}</footer>\n` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">${policy}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(fullTitle)}</title>${description}
<meta name="generator" content="@scalable-ts/render">
<link rel="stylesheet" href="${escapeHtml(options.stylesheetHref)}">${head}
</head>
<body${bodyClass}>
<header class="site-header"><nav aria-label="Site">${home}${contents}</nav>${pages}</header>
<main>
${options.body}
</main>
${pages ? `<footer class="page-footer">${pages}</footer>\n` : ''}${footer}</body>
</html>
`;
}
