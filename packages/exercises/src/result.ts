/**
 * The structured result of a run of checks: what the workshop reads from the
 * `application/vnd.scalable-ts.checks+json` output, and what {@link ChecksFailedError} carries.
 */

/** The MIME type of the structured result in a cell's `display_data`. */
export const CHECKS_MIME = 'application/vnd.scalable-ts.checks+json';

/** The version of the {@link ChecksResult} shape; bumped on an incompatible change. */
export const CHECKS_RESULT_VERSION = 1;

/** How one check ended. */
export interface CheckOutcome {
  /** The check's name: its key in the record passed to `checks()`. */
  name: string;
  passed: boolean;
  /**
   * Why it failed: an assertion failed (`assertion`, the hint is the assertion's message), the
   * check threw something else (`error`, e.g. a `TypeError` in the learner's code), or it did not
   * settle within the time limit (`timeout`). Absent when it passed.
   */
  kind?: 'assertion' | 'error' | 'timeout';
  /** The hint shown to the learner (one line: the assertion's message); absent when it passed. */
  hint?: string;
  /** The assertion's whole message, with Node's diff of actual and expected, when it has more than the hint. */
  detail?: string;
}

/** Every check's outcome, in the record's order. */
export interface ChecksResult {
  /** {@link CHECKS_RESULT_VERSION}. */
  version: number;
  total: number;
  passed: number;
  failed: number;
  checks: CheckOutcome[];
}

/**
 * Reads a {@link ChecksResult} back from a cell's outputs (nbformat 4: `display_data` with
 * {@link CHECKS_MIME} in its `data`), the last one if several; `undefined` when there is none.
 *
 * @param outputs - a code cell's outputs.
 * @example
 * ```ts
 * const result = checksResultOf(cell.outputs);
 * if (result && result.failed > 0) console.log('the starter fails, as it should');
 * ```
 */
export function checksResultOf(outputs: readonly unknown[]): ChecksResult | undefined {
  let found: ChecksResult | undefined;
  for (const output of outputs) {
    if (typeof output !== 'object' || output === null) continue;
    const data = (output as { data?: Record<string, unknown> }).data;
    const value = data?.[CHECKS_MIME];
    if (isChecksResult(value)) found = value;
  }
  return found;
}

function isChecksResult(value: unknown): value is ChecksResult {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<ChecksResult>;
  return typeof v.total === 'number' && typeof v.passed === 'number' && typeof v.failed === 'number' && Array.isArray(v.checks);
}
