/**
 * The follower URL as a QR code for the terminal, so phones and laptops in the room can scan
 * it off the projector. `uqr` (unjs, no dependencies, MIT) draws it with half-block characters,
 * two modules per character row, dark on the terminal's light or dark background alike (it
 * paints the light modules, with a quiet zone of two).
 */
import { renderUnicodeCompact } from 'uqr';

/**
 * `text` as a QR code drawn in Unicode block characters, one string of lines.
 *
 * @example
 * ```ts
 * console.log(terminalQrCode(workshop.present.url));
 * ```
 */
export function terminalQrCode(text: string): string {
  if (typeof text !== 'string' || text === '') throw new TypeError('terminalQrCode: text must be a non-empty string');
  return renderUnicodeCompact(text, { ecc: 'M', border: 2 });
}
