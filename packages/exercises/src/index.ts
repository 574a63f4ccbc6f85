/**
 * Self-checking notebook exercises: `checks()` for the cell tagged `exercise-check`.
 *
 * @packageDocumentation
 */
export { checks, formatChecks, FAIL_MARK, PASS_MARK, type Check, type ChecksOptions } from './checks.js';
export { CHECKS_MIME, CHECKS_RESULT_VERSION, checksResultOf, type CheckOutcome, type ChecksResult } from './result.js';
export { ChecksFailedError, ChecksUsageError, ExercisesError, type ExercisesErrorCode } from './errors.js';
