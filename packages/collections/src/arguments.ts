/**
 * Checks of arguments that are programming errors when wrong: a `TypeError` or `RangeError`
 * naming the argument and the value it got.
 */
import { repr } from './format.js';

/** Throws a `TypeError` unless `value` is an integer. */
export function assertInteger(name: string, value: number): void {
  if (!Number.isInteger(value)) throw new TypeError(`${name} must be an integer, got ${repr(value)}`);
}

/** Throws a `RangeError` unless `value` is an integer >= `min` (a `TypeError` if not an integer). */
export function assertIntegerAtLeast(name: string, value: number, min: number): void {
  assertInteger(name, value);
  if (value < min) throw new RangeError(`${name} must be at least ${min}, got ${value}`);
}
