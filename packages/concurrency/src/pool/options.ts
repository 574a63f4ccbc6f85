import { availableParallelism } from 'node:os';
import { InvalidArgumentError } from '../errors.js';

/** The default pool size: the cores this process may use. */
export function defaultSize(): number {
  return availableParallelism();
}

/** Checks an optional count option: an integer >= min, or Infinity when `infinite` is allowed. */
export function countOption(name: string, value: number | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (value === Infinity || (Number.isInteger(value) && value >= min)) return value;
  throw new InvalidArgumentError(name, `an integer >= ${min} or Infinity`, value);
}
