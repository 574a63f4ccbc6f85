/**
 * Cells to HTML.
 *
 * Tags change what a reader sees (names follow Jupyter Book, so the same notebook renders alike
 * there): `hide-input` folds the code into a `<details>`, `solution` folds the whole cell (its
 * output would give the answer away), `hide-output` folds the outputs, and `remove-cell`,
 * `remove-input`, `remove-output` leave those parts out of the page. A `<details>` needs no
 * JavaScript, so the page stays script-free. The tags are `CELL_TAGS` of `@scalable-ts/notebook`.
 */
import { CELL_TAGS, cellTags, sourceText, type Cell, type CodeCell } from '@scalable-ts/notebook';
import type { CodeHighlighter } from './highlight.js';
import { escapeHtml } from './html.js';
import type { MarkdownEnv, MarkdownRenderer } from './markdown.js';
import { renderOutputs } from './outputs.js';
import { sanitizeHtml } from './sanitize.js';

/** What rendering cells needs: the shared tools, the page env and the notebook's language. */
export interface CellContext {
  readonly highlighter: CodeHighlighter;
  readonly markdown: MarkdownRenderer;
  readonly env: MarkdownEnv;
  /** Language of code cells (`typescript`, `javascript`, …); unknown languages are not highlighted. */
  readonly language: string | undefined;
}

function details(cls: string, summary: string, body: string): string {
  return `<details class="${cls}"><summary>${summary}</summary>${body}</details>`;
}

function renderCode(cell: CodeCell, tags: ReadonlySet<string>, ctx: CellContext): string {
  let html = '';
  if (!tags.has(CELL_TAGS.removeInput)) {
    const count = typeof cell.execution_count === 'number' ? cell.execution_count : ' ';
    const input =
      `<div class="input"><div class="prompt prompt-in">In [${count}]:</div>` +
      `<div class="source">${ctx.highlighter.toHtml(sourceText(cell), ctx.language)}</div></div>`;
    html += tags.has(CELL_TAGS.hideInput) ? details('input-toggle', 'Show code', input) : input;
  }
  if (!tags.has(CELL_TAGS.removeOutput) && cell.outputs.length > 0) {
    const outputs = renderOutputs(cell.outputs, ctx);
    if (outputs) {
      const block = `<div class="outputs">${outputs}</div>`;
      html += tags.has(CELL_TAGS.hideOutput) ? details('output-toggle', 'Show output', block) : block;
    }
  }
  return html;
}

function renderBody(cell: Cell, tags: ReadonlySet<string>, ctx: CellContext): string {
  switch (cell.cell_type) {
    case 'markdown':
      ctx.env.attachments = cell.attachments;
      return ctx.markdown.render(sourceText(cell), ctx.env);
    case 'code':
      return renderCode(cell, tags, ctx);
    case 'raw': {
      // nbconvert's rule: raw cells show only when they say they are HTML or markdown.
      const format = cell.metadata['format'] ?? cell.metadata['raw_mimetype'];
      if (format === 'text/html') return sanitizeHtml(sourceText(cell));
      if (format === 'text/markdown') {
        ctx.env.attachments = cell.attachments;
        return ctx.markdown.render(sourceText(cell), ctx.env);
      }
      return '';
    }
    default:
      return '';
  }
}

/**
 * Render one cell to HTML (`''` when tags or its type leave nothing to show).
 *
 * @param index - the cell's position in the notebook; when given, the element gets
 *   `data-cell-index` so a live front end can address the cell.
 *
 * @example
 * ```ts
 * renderCell({ cell_type: 'markdown', metadata: {}, source: '# Hi' }, ctx);
 * // '<div class="cell markdown-cell"><h1 id="hi">Hi …</h1>\n</div>'
 * ```
 */
export function renderCell(cell: Cell, ctx: CellContext, index?: number): string {
  const tagList = cellTags(cell);
  const tags = new Set(tagList);
  if (tags.has(CELL_TAGS.removeCell)) return '';
  let body = renderBody(cell, tags, ctx);
  if (!body) return '';
  if (tags.has(CELL_TAGS.solution)) body = details('solution', 'Solution', body);
  const id = typeof cell.id === 'string' && cell.id ? ` id="cell-${escapeHtml(cell.id)}"` : '';
  const at = index === undefined ? '' : ` data-cell-index="${index}"`;
  const data = tagList.length > 0 ? ` data-tags="${escapeHtml(tagList.join(' '))}"` : '';
  return `<div class="cell ${cell.cell_type}-cell"${id}${at}${data}>${body}</div>`;
}
