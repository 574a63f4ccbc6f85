import { availableParallelism } from 'node:os';
import { checkInteger } from '../internal/validate.js';

/** The default pool size: the cores this process may use. */
export function defaultSize(): number {
  return availableParallelism();
}

/** Checks an optional count option: an integer >= min, or Infinity when `infinite` is allowed. */
export function countOption(name: string, value: number | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  return checkInteger(name, value, min, true);
}
