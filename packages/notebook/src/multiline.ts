/**
 * Converting between text and the line arrays nbformat stores.
 *
 * Jupyter writes text with Python's `str.splitlines(keepends=True)`, so a line ends at any of
 * the line boundaries Python knows (`\n`, `\r\n`, `\r`, `\v`, `\f`, `\x1c`–`\x1e`, `\x85`,
 * U+2028, U+2029), each line keeps its ending, the last line has none unless the text ends with
 * one, and empty text gives an empty array. Joining the lines gives the text back exactly.
 */
import type { Cell, MultilineString } from './types.js';

/** Python's line boundaries; `\r\n` first so it stays one boundary. */
const LINE_BREAK = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g;

/**
 * Split text into lines the way Jupyter stores it, each line keeping its line break.
 *
 * @param text - the text to split.
 * @returns the lines; `[]` for empty text.
 *
 * @example
 * ```ts
 * toMultiline('a\nb');   // ['a\n', 'b']
 * toMultiline('a\nb\n'); // ['a\n', 'b\n']
 * toMultiline('');       // []
 * ```
 */
export function toMultiline(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (const match of text.matchAll(LINE_BREAK)) {
    const end = match.index! + match[0].length;
    lines.push(text.slice(start, end));
    start = end;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/**
 * Join a {@link MultilineString} into one string.
 *
 * @param value - a string, or lines to concatenate.
 * @returns the text.
 *
 * @example
 * ```ts
 * multilineText(['a\n', 'b']); // 'a\nb'
 * ```
 */
export function multilineText(value: MultilineString): string {
  return typeof value === 'string' ? value : value.join('');
}

/**
 * The source of a cell as one string.
 *
 * @param cell - any cell (or anything with a `source`).
 * @returns the source text.
 *
 * @example
 * ```ts
 * sourceText({ cell_type: 'markdown', metadata: {}, source: ['# Title\n', 'Text'] }); // '# Title\nText'
 * ```
 */
export function sourceText(cell: Pick<Cell, 'source'>): string {
  return multilineText(cell.source);
}
