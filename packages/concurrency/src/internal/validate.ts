/** Argument checks that throw `InvalidArgumentError` naming the argument. */
import { InvalidArgumentError } from '../errors.js';

/** `value` must be an integer >= `min` (or `Infinity` when `infinite` allows it). */
export function checkInteger(name: string, value: unknown, min: number, infinite = false): number {
  const ok = typeof value === 'number' && (Number.isInteger(value) || (infinite && value === Infinity)) && value >= min;
  if (!ok) throw new InvalidArgumentError(name, `an integer >= ${min}${infinite ? ' (or Infinity)' : ''}`, value);
  return value;
}

/** `value` must be a number of milliseconds: finite and >= 0, or `Infinity` (no limit). */
export function checkMs(name: string, value: unknown): number {
  if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
    throw new InvalidArgumentError(name, 'a number of milliseconds >= 0', value);
  }
  return value;
}

/** `value` must be a function. */
export function checkFunction<F>(name: string, value: F): F {
  if (typeof value !== 'function') throw new InvalidArgumentError(name, 'a function', value);
  return value;
}
