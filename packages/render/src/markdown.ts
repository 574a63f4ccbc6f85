/**
 * Markdown to HTML with markdown-it: anchored headings, shiki-highlighted fences, attachments.
 *
 * One `MarkdownIt` instance serves a whole renderer. Per-page state travels in the `env` object
 * markdown-it hands to every rule: markdown-it-anchor keeps the page's used slugs there (so two
 * "Exercises" headings in different cells get `exercises` and `exercises-1`), and the cell being
 * rendered puts its attachments there for the image rule to resolve.
 *
 * `html: true`, as Jupyter renders raw HTML in markdown cells too; but a notebook may come from
 * anywhere, so every render's result goes through `sanitizeHtml` (`sanitize.ts`) before it
 * reaches a page: raw HTML keeps its tables and styling and loses anything that runs script.
 * Text in outputs never goes through here except `text/markdown` (sanitised the same way).
 */
import type { MimeBundle } from '@scalable-ts/notebook';
import MarkdownIt from 'markdown-it';
import anchor from 'markdown-it-anchor';
import type { CodeHighlighter } from './highlight.js';
import { attachmentDataUri } from './images.js';
import { sanitizeHtml } from './sanitize.js';

/** Per-page state shared by every markdown render of one page. */
export interface MarkdownEnv {
  /** Attachments of the cell being rendered. */
  attachments?: Readonly<Record<string, MimeBundle>> | undefined;
  [key: string | symbol]: unknown;
}

/** A configured markdown renderer. */
export interface MarkdownRenderer {
  /** Render markdown to sanitised HTML; pass the same `env` for every cell of one page. */
  render(source: string, env: MarkdownEnv): string;
}

/** Options for {@link createMarkdown}. */
export interface MarkdownOptions {
  /** Allow raw HTML in markdown (default `true`; it is sanitised either way). */
  readonly html?: boolean;
}

/**
 * Stable, readable heading slug: lower case, accents dropped, punctuation removed, spaces to `-`.
 *
 * @example
 * ```ts
 * slugify('Why `Array#shift` is O(n)'); // 'why-arrayshift-is-on'
 * ```
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s+/g, '-');
  return slug || 'section';
}

const ATTACHMENT = 'attachment:';

/**
 * Build the markdown renderer around a shiki highlighter.
 *
 * @example
 * ```ts
 * const md = createMarkdown(highlighter);
 * md.render('# Hi\n\n```ts\nlet x = 1\n```', {});
 * ```
 */
export function createMarkdown(highlighter: CodeHighlighter, options: MarkdownOptions = {}): MarkdownRenderer {
  const md = new MarkdownIt({
    html: options.html ?? true,
    linkify: true,
    highlight: (code, lang) => highlighter.toHtml(code, lang || undefined),
  });
  md.use(anchor, {
    slugify,
    tabIndex: false,
    permalink: anchor.permalink.linkInsideHeader({
      symbol: '¶',
      placement: 'after',
      class: 'anchor',
      ariaHidden: true,
    }),
  });

  const renderImage = md.renderer.rules.image;
  md.renderer.rules.image = (tokens, idx, opts, env, self) => {
    const token = tokens[idx];
    const src = token?.attrGet('src');
    if (token && typeof src === 'string' && src.startsWith(ATTACHMENT)) {
      let name = src.slice(ATTACHMENT.length);
      try {
        name = decodeURIComponent(name);
      } catch {
        // A malformed escape: look the name up as written.
      }
      const uri = attachmentDataUri((env as MarkdownEnv | undefined)?.attachments, name);
      if (uri) token.attrSet('src', uri);
    }
    return renderImage ? renderImage(tokens, idx, opts, env, self) : self.renderToken(tokens, idx, opts);
  };

  return {
    render: (source, env) => sanitizeHtml(md.render(source, env)),
  };
}
