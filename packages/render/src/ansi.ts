/**
 * ANSI terminal text to safe HTML.
 *
 * How it works: `anser` splits the text into runs, each with its SGR state (colours,
 * decorations); we escape every run ourselves and wrap it in a `<span>`. The 16 standard colours
 * become classes (`ansi-red-fg`, `ansi-bright-blue-bg`) so the stylesheet can choose shades that
 * read on white paper; 256-colour and true-colour runs get an inline `rgb()` computed here, never
 * copied from the input. Non-SGR sequences (cursor moves, erase line) are dropped by anser.
 *
 * Before that, carriage returns are applied the way a terminal would for progress bars: within
 * a line, only the text after the last `\r` survives.
 */
import Anser from 'anser';
import { escapeHtml } from './html.js';

// xterm 256-colour cube levels for indices 16..231.
const CUBE = [0, 95, 135, 175, 215, 255] as const;

function paletteRgb(index: number): string | undefined {
  if (!Number.isInteger(index) || index < 16 || index > 255) return undefined;
  if (index >= 232) {
    const v = 8 + (index - 232) * 10;
    return `rgb(${v}, ${v}, ${v})`;
  }
  const i = index - 16;
  return `rgb(${CUBE[Math.floor(i / 36)]}, ${CUBE[Math.floor(i / 6) % 6]}, ${CUBE[i % 6]})`;
}

const STANDARD = new Set(['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white']);
const PALETTE_16 = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'] as const;

/** Class or inline colour for one anser colour name (`ansi-red`, `ansi-palette-208`, …). */
function colour(name: string | null, truecolor: string | null, layer: 'fg' | 'bg'): { cls?: string; css?: string } {
  if (!name) return {};
  const bare = name.replace(/^ansi-/, '');
  if (STANDARD.has(bare.replace(/^bright-/, ''))) return { cls: `ansi-${bare}-${layer}` };
  const property = layer === 'fg' ? 'color' : 'background-color';
  if (bare === 'truecolor' && truecolor && /^\d{1,3}, \d{1,3}, \d{1,3}$/.test(truecolor)) {
    return { css: `${property}: rgb(${truecolor})` };
  }
  const palette = /^palette-(\d+)$/.exec(bare);
  if (palette) {
    const index = Number(palette[1]);
    // Indices 0..15 are the standard and bright colours: keep them themeable.
    if (index < 16) return { cls: `ansi-${index >= 8 ? 'bright-' : ''}${PALETTE_16[index % 8]}-${layer}` };
    const rgb = paletteRgb(index);
    if (rgb) return { css: `${property}: ${rgb}` };
  }
  return {};
}

/**
 * Apply carriage returns line by line: `"10%\r50%\r100%\n"` becomes `"100%\n"`.
 *
 * @example
 * ```ts
 * applyCarriageReturns('a\rb\r\nc'); // 'b\nc'
 * ```
 */
export function applyCarriageReturns(text: string): string {
  if (!text.includes('\r')) return text;
  return text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => line.slice(line.lastIndexOf('\r') + 1))
    .join('\n');
}

/**
 * Convert text that may hold ANSI escape codes to escaped HTML with colour spans.
 *
 * @example
 * ```ts
 * ansiToHtml('\x1b[31m<b>\x1b[0m'); // '<span class="ansi-red-fg">&lt;b&gt;</span>'
 * ```
 */
export function ansiToHtml(text: string): string {
  const clean = applyCarriageReturns(text);
  if (!clean.includes('\x1b')) return escapeHtml(clean);
  let html = '';
  for (const run of Anser.ansiToJson(clean, { use_classes: true, remove_empty: true })) {
    const content = escapeHtml(run.content);
    const classes: string[] = [];
    const styles: string[] = [];
    for (const part of [colour(run.fg, run.fg_truecolor, 'fg'), colour(run.bg, run.bg_truecolor, 'bg')]) {
      if (part.cls) classes.push(part.cls);
      if (part.css) styles.push(part.css);
    }
    for (const decoration of run.decorations ?? []) classes.push(`ansi-${decoration}`);
    if (classes.length === 0 && styles.length === 0) {
      html += content;
      continue;
    }
    const cls = classes.length > 0 ? ` class="${classes.join(' ')}"` : '';
    const style = styles.length > 0 ? ` style="${styles.join('; ')}"` : '';
    html += `<span${cls}${style}>${content}</span>`;
  }
  return html;
}
