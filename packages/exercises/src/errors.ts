/**
 * The errors `checks()` throws, each with a stable `code` so a caller (the runner, the workshop,
 * a test) can branch without parsing messages.
 */
import { CodedError, coded } from '@scalable-ts/base';
import type { ChecksResult } from './result.js';

/** The stable codes of this package's errors, one per class. */
export type ExercisesErrorCode = 'ERR_CHECKS_FAILED' | 'ERR_CHECKS_USAGE';

/** Base class of the errors this package throws; `instanceof ExercisesError` catches both. */
export abstract class ExercisesError extends CodedError<ExercisesErrorCode> {
  /** @param message - what went wrong, in one line. */
  constructor(message: string) {
    super(message);
    // Not enumerable, as on Error.prototype: a kernel printing the error shows only `{ code }`.
    Object.defineProperty(this, 'name', { value: new.target.name, writable: true, enumerable: false, configurable: true });
    // A learner reads this under the check lines: the frames inside this package say nothing to them.
    this.stack = `${this.name}: ${message}`;
  }
}

/**
 * At least one check failed (or threw, or timed out). The check lines printed before it say
 * which, each with its hint; the message repeats the names.
 *
 * @example
 * ```ts
 * try {
 *   await checks({ 'adds': () => assert.equal(add(1, 2), 3, 'add(1, 2) is 3') });
 * } catch (error) {
 *   if (error instanceof ChecksFailedError) console.log(error.result.failed, 'failed');
 * }
 * ```
 */
export class ChecksFailedError extends coded(ExercisesError, 'ERR_CHECKS_FAILED') {
  /** Every check's outcome (not enumerable, so a kernel printing the error does not dump it). */
  declare readonly result: ChecksResult;

  /** @param result - the outcome of the run, with at least one failed check. */
  constructor(result: ChecksResult) {
    const names = result.checks.filter((check) => !check.passed).map((check) => check.name);
    super(`${result.failed} of ${result.total} ${result.total === 1 ? 'check' : 'checks'} failed: ${names.join(', ')}`);
    Object.defineProperty(this, 'result', { value: result, enumerable: false });
  }
}

/** `checks()` was called wrongly: not a record of functions, or an empty one. */
export class ChecksUsageError extends coded(ExercisesError, 'ERR_CHECKS_USAGE') {
  /** @param message - what was wrong with the arguments. */
  constructor(message: string) {
    super(message);
  }
}
