/**
 * The one HTML sanitiser of the static site and the live workshop.
 *
 * A notebook may come from anywhere, and its markup reaches the page in three places: raw HTML in
 * markdown cells (and `text/markdown` outputs), raw cells marked `text/html`, and `text/html`
 * outputs, committed or fresh from a kernel. Every one of them goes through {@link sanitizeHtml}
 * before it is placed in a page, the way JupyterLab treats an untrusted notebook: markup that
 * shows something (tables, styled text, lists, details, images, progress bars) stays, anything
 * that could run script or leave the page goes.
 *
 * How it works: [sanitize-html](https://github.com/apostrophecms/sanitize-html) (the library
 * JupyterLab's own `Sanitizer` is built on) parses the fragment with htmlparser2 and writes it
 * back out from an allowlist, escaping every text and attribute value it keeps. So:
 *   - only the tags of {@link ALLOWED_TAGS} survive; `script`, `style`, `iframe`, `object`,
 *     `embed`, `form`, `meta`, `base`, `link`, `svg`, `math`, `template`… are dropped, and the
 *     ones whose content is not text ({@link DROPPED_WITH_CONTENT}) lose their content too;
 *   - only the attributes of {@link ALLOWED_ATTRIBUTES} survive: no `on*` handler, no `srcdoc`,
 *     no `name` (it would clobber `document.<name>`), no `data-*` (the workshop's page script
 *     finds cells by `data-cell-index`), no `formaction`;
 *   - URLs keep only `http`, `https` and `mailto` (images also `data:`), or are relative:
 *     `javascript:`, `vbscript:`, `data:text/html` links are removed;
 *   - `style` keeps only the properties of {@link ALLOWED_STYLES}, and no value that loads
 *     anything (`url(`, `image-set(`, `@import`) or hides such a word behind a CSS escape (`\`).
 * The result is final: nothing may modify it afterwards (Jupyter Notebook before 5.4.1, GHSA-6cwv-x26c-w2q4, was
 * jQuery "repairing" sanitised HTML back into script). The pages add a strict
 * Content-Security-Policy as a second wall (`PAGE_CSP` in `layout.ts`, the header in the workshop).
 */
import sanitize from 'sanitize-html';

/** Tags kept: text structure, tables, lists, media without script, progress displays. */
export const ALLOWED_TAGS: readonly string[] = [
  'a', 'abbr', 'address', 'article', 'aside', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'center', 'cite', 'code',
  'col', 'colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'footer', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'i', 'img', 'ins', 'kbd', 'label', 'li', 'mark', 'meter', 'ol', 'p', 'picture',
  'pre', 'progress', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'section', 'small', 'span', 'strike', 'strong', 'sub', 'summary',
  'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'tt', 'u', 'ul', 'var', 'wbr',
];

/** Tags dropped together with everything inside them (their content is code, not text). */
export const DROPPED_WITH_CONTENT: readonly string[] = [
  'script', 'style', 'template', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math',
  'textarea', 'select', 'option', 'title', 'xmp', 'noembed', 'noframes', 'plaintext', 'head',
];

/** Attributes kept, per tag (`*`: on every kept tag). */
export const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  '*': ['class', 'id', 'title', 'lang', 'dir', 'style', 'role', 'aria-*'],
  a: ['href'],
  img: ['src', 'alt', 'width', 'height', 'loading'],
  td: ['colspan', 'rowspan', 'align', 'valign'],
  th: ['colspan', 'rowspan', 'align', 'valign', 'scope'],
  col: ['span', 'width'],
  colgroup: ['span', 'width'],
  table: ['align', 'border', 'cellpadding', 'cellspacing', 'width'],
  ol: ['start', 'reversed', 'type'],
  li: ['value'],
  details: ['open'],
  time: ['datetime'],
  progress: ['value', 'max'],
  meter: ['value', 'min', 'max', 'low', 'high', 'optimum'],
  pre: ['tabindex'],
  q: ['cite'],
  blockquote: ['cite'],
};

/** A CSS value that loads nothing and hides nothing behind an escape. */
const SAFE_CSS_VALUE = /^(?![\s\S]*(?:url\s*\(|image-set\s*\(|image\s*\(|expression\s*\(|@import|\\))[\s\S]*$/i;

/** Style properties kept (values checked by {@link SAFE_CSS_VALUE}); no `position`, `transform`, `z-index`. */
export const ALLOWED_STYLES: readonly string[] = [
  'color', 'background', 'background-color', 'opacity',
  'font', 'font-family', 'font-size', 'font-style', 'font-variant', 'font-weight',
  'text-align', 'text-decoration', 'text-indent', 'text-transform', 'vertical-align', 'white-space', 'line-height',
  'letter-spacing', 'word-break', 'overflow-wrap', 'word-wrap',
  'border', 'border-top', 'border-right', 'border-bottom', 'border-left', 'border-color', 'border-style', 'border-width',
  'border-radius', 'border-collapse', 'border-spacing',
  'margin', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
  'padding', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'display', 'width', 'height', 'min-width', 'max-width', 'min-height', 'max-height', 'box-sizing', 'overflow',
  'list-style', 'list-style-type', 'gap', 'flex', 'flex-direction', 'flex-wrap', 'align-items', 'justify-content',
  'transition',
];

const OPTIONS: sanitize.IOptions = {
  allowedTags: [...ALLOWED_TAGS],
  nonTextTags: [...DROPPED_WITH_CONTENT],
  disallowedTagsMode: 'discard',
  allowedAttributes: Object.fromEntries(Object.entries(ALLOWED_ATTRIBUTES).map(([tag, names]) => [tag, [...names]])),
  allowedSchemes: ['http', 'https', 'mailto'],
  // `attachment:` is a markdown attachment the cell lacks: left as written, it loads nothing.
  allowedSchemesByTag: { img: ['http', 'https', 'data', 'attachment'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  allowedStyles: { '*': Object.fromEntries(ALLOWED_STYLES.map((property) => [property, [SAFE_CSS_VALUE]])) },
  allowVulnerableTags: false,
  parseStyleAttributes: true,
};

/**
 * Markup from a notebook, made safe to place in a page: only the allowlisted tags, attributes,
 * URL schemes and style properties remain (see the module comment).
 *
 * @example
 * ```ts
 * sanitizeHtml('<b onclick="x()">bold</b><script>alert(1)</script>'); // '<b>bold</b>'
 * sanitizeHtml('<a href="javascript:alert(1)">x</a>');               // '<a>x</a>'
 * ```
 */
export function sanitizeHtml(html: string): string {
  return sanitize(html, OPTIONS);
}
