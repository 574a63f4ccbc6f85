/**
 * The text of one MIME bundle value.
 *
 * nbformat stores every MIME type except the JSON ones as a MultilineString, and a notebook read
 * through `@scalable-ts/notebook` is checked against that schema. A notebook handed straight to
 * `renderNotebook` is not, so anything else reads as `''` here instead of throwing mid-page.
 */
import { multilineText } from '@scalable-ts/notebook';

/**
 * Join a MIME bundle value into one string, or `''` when it is not text.
 *
 * @example
 * ```ts
 * mimeText(['<b>', 'x</b>']); // '<b>x</b>'
 * mimeText({ not: 'text' });  // ''
 * ```
 */
export function mimeText(value: unknown): string {
  return typeof value === 'string' || Array.isArray(value) ? multilineText(value) : '';
}
