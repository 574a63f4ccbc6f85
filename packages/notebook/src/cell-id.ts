/** New cell ids, as nbformat 4.5 requires: 1–64 characters of `[a-zA-Z0-9-_]`. */
import { randomBytes } from 'node:crypto';

/**
 * A new random cell id: 12 lowercase hex characters (48 random bits).
 *
 * @returns the id.
 *
 * @example
 * ```ts
 * newCellId(); // e.g. '3f9a0c1d2b7e'
 * ```
 */
export function newCellId(): string {
  return randomBytes(6).toString('hex');
}
