/**
 * Argument checks, after p-limit: a bad argument is a programming error, so it throws the
 * built-in `TypeError` (the wrong type or kind: not a function, not iterable, a fraction where an
 * integer is needed) or `RangeError` (a number of the right kind outside its range), with a
 * message that names the argument, says what it should be and shows what it got.
 */

/** A `TypeError`: `Expected \`name\` to be <expected>, got <actual>`. */
export function invalidType(name: string, expected: string, actual: unknown): TypeError {
  return new TypeError(expectation(name, expected, actual));
}

/** A `RangeError`: `Expected \`name\` to be <expected>, got <actual>`. */
export function outOfRange(name: string, expected: string, actual: unknown): RangeError {
  return new RangeError(expectation(name, expected, actual));
}

/** `value` must be an integer >= `min` (or `Infinity` when `infinite` allows it). */
export function checkInteger(name: string, value: unknown, min: number, infinite = false): number {
  const expected = `an integer >= ${min}${infinite ? ' (or Infinity)' : ''}`;
  if (typeof value !== 'number' || !(Number.isInteger(value) || (infinite && value === Infinity))) throw invalidType(name, expected, value);
  if (value < min) throw outOfRange(name, expected, value);
  return value;
}

/** `value` must be a number of milliseconds: finite and >= 0, or `Infinity` (no limit). */
export function checkMs(name: string, value: unknown): number {
  if (typeof value !== 'number' || Number.isNaN(value)) throw invalidType(name, 'a number of milliseconds >= 0', value);
  if (value < 0) throw outOfRange(name, 'a number of milliseconds >= 0', value);
  return value;
}

/** `value` must be a function. */
export function checkFunction<F>(name: string, value: F): F {
  if (typeof value !== 'function') throw invalidType(name, 'a function', value);
  return value;
}

function expectation(name: string, expected: string, actual: unknown): string {
  return `Expected \`${name}\` to be ${expected}, got ${describe(actual)}`;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}
