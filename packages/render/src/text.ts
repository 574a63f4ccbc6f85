/**
 * Plain-text facts about a notebook for titles and the index: its title and one-paragraph summary.
 *
 * Both parse markdown with markdown-it (tokens only, nothing rendered) so emphasis, code spans and
 * links come out as their text, and a `#` inside a fenced block is never mistaken for a heading.
 */
import { sourceText, type Notebook } from '@scalable-ts/notebook';
import MarkdownIt, { type Token } from 'markdown-it';

const parser = new MarkdownIt({ html: true });

/** The text of an inline token: text and code spans, breaks as spaces, images by their alt. */
function inlineText(token: Token | undefined): string {
  let text = '';
  for (const child of token?.children ?? []) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += ' ';
    else if (child.type === 'image') text += inlineText(child);
  }
  return text.replace(/\s+/g, ' ').trim();
}

function markdownSources(nb: Notebook): string[] {
  return nb.cells.filter((cell) => cell.cell_type === 'markdown').map(sourceText);
}

/** Index of the `# ` heading's `heading_open` token in `tokens`, or -1. */
function titleIndex(tokens: readonly Token[]): number {
  return tokens.findIndex((t) => t.type === 'heading_open' && t.tag === 'h1');
}

/**
 * The notebook's title: the text of the first `# ` heading in its first markdown cell.
 *
 * @param nb - the notebook.
 * @param fallbackFileName - used when there is no such heading; a path's directory and `.ipynb`
 *   extension are dropped (`notebooks/01-queues.ipynb` gives `01-queues`).
 *
 * @example
 * ```ts
 * notebookTitle(nb, 'notebooks/01-queues.ipynb'); // 'Queues and backpressure'
 * ```
 */
export function notebookTitle(nb: Notebook, fallbackFileName: string): string {
  const first = markdownSources(nb)[0];
  if (first !== undefined) {
    const tokens = parser.parse(first, {});
    const at = titleIndex(tokens);
    const title = at >= 0 ? inlineText(tokens[at + 1]) : '';
    if (title) return title;
  }
  return fallbackFileName.replace(/^.*[\\/]/, '').replace(/\.ipynb$/i, '');
}

/**
 * The notebook's summary: the first top-level paragraph after its title, as plain text
 * (the first paragraph of the notebook if it has no title; `''` if it has no paragraph).
 *
 * @example
 * ```ts
 * notebookSummary(nb); // 'A queue is where work waits. This notebook shows…'
 * ```
 */
export function notebookSummary(nb: Notebook): string {
  const sources = markdownSources(nb);
  for (const [i, source] of sources.entries()) {
    const tokens = parser.parse(source, {});
    const start = i === 0 ? Math.max(titleIndex(tokens), 0) : 0;
    for (let j = start; j < tokens.length; j++) {
      const token = tokens[j];
      if (token?.type === 'paragraph_open' && token.level === 0) {
        const text = inlineText(tokens[j + 1]);
        if (text) return text;
      }
    }
  }
  return '';
}
