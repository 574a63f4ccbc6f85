/**
 * Removing ANSI escape sequences (colours, cursor moves, hyperlinks) from terminal text, as
 * ECMA-48 defines them:
 * - CSI: `ESC [` (or the one-byte `\x9b`), parameter bytes `0-?`, intermediate bytes ` -/`,
 *   a final byte `@-~` — e.g. `\x1b[31m`, `\x1b[1;32m`, `\x1b[2K`;
 * - OSC: `ESC ]` … ended by BEL or `ESC \` — e.g. a terminal hyperlink or window title;
 * - any other two-byte escape, `ESC` and one byte `@-_` (or `(`/`)` plus a charset byte).
 */
const ANSI =
  /(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[@-Z\\-_]/g;

/**
 * Remove ANSI escape sequences from text.
 *
 * @param text - text that may hold colour codes (e.g. an error traceback from a kernel).
 * @returns the text without them.
 *
 * @example
 * ```ts
 * stripAnsi('\x1b[31mTypeError\x1b[0m: x is not a function'); // 'TypeError: x is not a function'
 * ```
 */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}
