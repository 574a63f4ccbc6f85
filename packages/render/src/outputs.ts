/**
 * Code cell outputs to HTML.
 *
 * Consecutive stream outputs of one name are merged first (a kernel flushes stdout in arbitrary
 * chunks; the reader should see one block). Each rich output then shows its richest MIME type, in
 * the order of `MIME_ORDER`. Text outputs go through `ansiToHtml`, which escapes everything;
 * `text/html` (and `text/markdown`'s raw HTML) go through `sanitizeHtml`: a notebook may come
 * from anywhere, and its outputs, committed or fresh, must not run script in the page. Types that
 * exist to run script (`application/javascript`, widget views) are never shown.
 */
import { multilineText, stripAnsi, type MimeBundle, type Output, type StreamOutput } from '@scalable-ts/notebook';
import { ansiToHtml } from './ansi.js';
import type { CodeHighlighter } from './highlight.js';
import { escapeHtml } from './html.js';
import { imageDataUri } from './images.js';
import { sanitizeHtml } from './sanitize.js';
import type { MarkdownEnv, MarkdownRenderer } from './markdown.js';
import { mimeText } from './mime-text.js';

/** What rendering outputs needs from the renderer. */
export interface OutputContext {
  readonly highlighter: CodeHighlighter;
  readonly markdown: MarkdownRenderer;
  /** The page's markdown env (slugs stay unique across cells and outputs). */
  readonly env: MarkdownEnv;
}

/** MIME types the renderer shows, richest first. */
export const MIME_ORDER = [
  'text/html',
  'image/svg+xml',
  'image/png',
  'image/jpeg',
  'application/json',
  'text/markdown',
  'text/plain',
] as const;

/** A MIME type the renderer can show. */
export type RenderableMime = (typeof MIME_ORDER)[number];

/**
 * The richest MIME type of `data` that the renderer can show.
 *
 * @example
 * ```ts
 * chooseMime({ 'text/plain': 'x', 'text/html': '<b>x</b>' }); // 'text/html'
 * ```
 */
export function chooseMime(data: MimeBundle): RenderableMime | undefined {
  return MIME_ORDER.find((mime) => Object.hasOwn(data, mime) && data[mime] !== undefined && data[mime] !== null);
}

/**
 * Merge consecutive stream outputs with the same `name` into one, joining their text.
 *
 * @example
 * ```ts
 * mergeStreams([{ output_type: 'stream', name: 'stdout', text: 'a\n' },
 *               { output_type: 'stream', name: 'stdout', text: ['b\n'] }]);
 * // [{ output_type: 'stream', name: 'stdout', text: 'a\nb\n' }]
 * ```
 */
export function mergeStreams(outputs: readonly Output[]): Output[] {
  const merged: Output[] = [];
  for (const output of outputs) {
    const last = merged.at(-1);
    if (output.output_type === 'stream' && last?.output_type === 'stream' && last.name === output.name) {
      const joined: StreamOutput = { ...last, text: multilineText(last.text) + multilineText(output.text) };
      merged[merged.length - 1] = joined;
    } else {
      merged.push(output);
    }
  }
  return merged;
}

/** Numeric `width`/`height` from an output's per-MIME metadata, as attributes. */
function sizeAttributes(metadata: Readonly<Record<string, unknown>> | undefined, mime: string): string {
  const entry = metadata?.[mime];
  if (typeof entry !== 'object' || entry === null) return '';
  let attrs = '';
  for (const key of ['width', 'height'] as const) {
    const value = (entry as Record<string, unknown>)[key];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) attrs += ` ${key}="${Math.round(value)}"`;
  }
  return attrs;
}

/** HTML for one MIME type's data. */
function renderMime(
  mime: RenderableMime,
  data: MimeBundle,
  metadata: Readonly<Record<string, unknown>> | undefined,
  ctx: OutputContext,
): string {
  const value = data[mime];
  switch (mime) {
    case 'text/html':
      return `<div class="output-html">${sanitizeHtml(mimeText(value))}</div>`;
    case 'image/svg+xml':
    case 'image/png':
    case 'image/jpeg': {
      const uri = imageDataUri(mime, value);
      if (!uri) return `<p class="output-unsupported">Invalid ${escapeHtml(mime)} data not shown.</p>`;
      return `<div class="output-image"><img src="${escapeHtml(uri)}" alt="output image"${sizeAttributes(metadata, mime)}></div>`;
    }
    case 'application/json': {
      const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
      return `<div class="output-json">${ctx.highlighter.toHtml(text ?? 'undefined', 'json')}</div>`;
    }
    case 'text/markdown':
      ctx.env.attachments = undefined;
      return `<div class="output-markdown">${ctx.markdown.render(mimeText(value), ctx.env)}</div>`;
    case 'text/plain':
      return `<pre class="output-text">${ansiToHtml(mimeText(value))}</pre>`;
  }
}

/** HTML for an error output: its traceback with ANSI colours, headed by `ename: evalue` if absent. */
function renderError(ename: string, evalue: string, traceback: readonly string[]): string {
  const body = traceback.join('\n');
  const headline = evalue ? `${ename}: ${evalue}` : ename;
  const head = headline && !stripAnsi(body).includes(ename) ? `${ansiToHtml(headline)}${body ? '\n' : ''}` : '';
  return `<div class="output output-error"><pre>${head}${ansiToHtml(body)}</pre></div>`;
}

/**
 * Render a code cell's outputs (already in saved order) to HTML.
 *
 * @param outputs - the cell's outputs.
 * @param ctx - highlighter, markdown renderer and page env.
 * @returns the outputs' HTML, `''` if there are none.
 */
export function renderOutputs(outputs: readonly Output[], ctx: OutputContext): string {
  let html = '';
  for (const output of mergeStreams(outputs)) {
    switch (output.output_type) {
      case 'stream': {
        const name = output.name === 'stderr' ? 'stderr' : 'stdout';
        html += `<div class="output output-stream output-${name}"><pre>${ansiToHtml(multilineText(output.text))}</pre></div>`;
        break;
      }
      case 'error':
        html += renderError(String(output.ename ?? ''), String(output.evalue ?? ''), output.traceback);
        break;
      case 'display_data':
      case 'execute_result': {
        const mime = chooseMime(output.data);
        const body = mime
          ? renderMime(mime, output.data, output.metadata, ctx)
          : `<p class="output-unsupported">Output not shown (${escapeHtml(Object.keys(output.data).join(', ') || 'no data')}).</p>`;
        if (output.output_type === 'execute_result') {
          const n = typeof output.execution_count === 'number' ? output.execution_count : ' ';
          html += `<div class="output output-result"><div class="prompt prompt-out">Out[${n}]:</div><div class="output-body">${body}</div></div>`;
        } else {
          html += `<div class="output output-display"><div class="output-body">${body}</div></div>`;
        }
        break;
      }
      default:
        // update_display_data / clear_output are never saved; anything else is not nbformat 4.
        break;
    }
  }
  return html;
}
