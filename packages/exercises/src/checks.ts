/**
 * `checks()`: the exercise-check cell of a notebook. Each check is a named function that asserts
 * with `node:assert/strict`; the assertion's message is the hint a learner sees when it fails.
 */
import { AssertionError } from 'node:assert';
import { showChecks } from './display.js';
import { ChecksFailedError, ChecksUsageError } from './errors.js';
import { CHECKS_RESULT_VERSION, type CheckOutcome, type ChecksResult } from './result.js';

/** One check: throws (an `AssertionError`, ideally) when the learner's code is wrong. */
export type Check = () => unknown;

/** Options of {@link checks}. */
export interface ChecksOptions {
  /** How long one check may take before it fails as timed out, in ms. Default 5000. */
  timeoutMs?: number;
  /**
   * Where the lines and the result go. Default: a `display_data` under tslab (lines as
   * `text/plain`, the result as `application/vnd.scalable-ts.checks+json`), else `console.log`.
   */
  show?: (text: string, result: ChecksResult) => void;
}

/** The mark of a passed check. */
export const PASS_MARK = '✔';
/** The mark of a failed check. */
export const FAIL_MARK = '✘';

const DEFAULT_TIMEOUT_MS = 5000;

/**
 * Runs the checks one after another, in the record's order, prints one line per check
 * (`✔ name`, or `✘ name: hint`), and throws {@link ChecksFailedError} if any failed.
 *
 * A check fails when it throws or rejects: with an `AssertionError` the first line of its message
 * is the hint (so always pass one, on one line: `assert.equal(actual, expected, 'the hint')`;
 * Node's own diff, which differs between Node versions, goes to the result's `detail` only); with
 * another error the hint is
 * `Name: message`; a check that has not settled after `timeoutMs` fails as timed out.
 *
 * @param record - the checks: names to functions, sync or async.
 * @param options - a per-check time limit; where the lines go.
 * @returns when every check passed (nothing, so a cell that ends with it prints only the lines).
 * @throws {@link ChecksFailedError} (`ERR_CHECKS_FAILED`) when at least one failed;
 *   {@link ChecksUsageError} (`ERR_CHECKS_USAGE`) when `record` is empty or not all functions.
 *
 * @example
 * ```ts
 * import { checks } from "@scalable-ts/exercises";
 * import assert from "node:assert/strict";
 * await checks({
 *   "keeps the last 3 items": () => assert.equal(win.length, 3, `keeps 3 items; yours kept ${win.length}`),
 *   "drops the oldest first": async () => assert.deepEqual(await f(), [2, 3, 4], "the oldest goes first"),
 * });
 * ```
 */
export async function checks(record: Readonly<Record<string, Check>>, options: ChecksOptions = {}): Promise<void> {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new ChecksUsageError('checks() takes a record of named check functions: checks({ "name": () => assert.ok(…) })');
  }
  const entries = Object.entries(record);
  if (entries.length === 0) throw new ChecksUsageError('checks() needs at least one check');
  const bad = entries.filter(([, check]) => typeof check !== 'function').map(([name]) => JSON.stringify(name));
  if (bad.length > 0) throw new ChecksUsageError(`every check must be a function; not: ${bad.join(', ')}`);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!(timeoutMs > 0)) throw new ChecksUsageError(`timeoutMs must be a positive number of milliseconds, got ${String(timeoutMs)}`);

  const outcomes: CheckOutcome[] = [];
  for (const [name, check] of entries) outcomes.push(await runCheck(name, check, timeoutMs));
  const passed = outcomes.filter((outcome) => outcome.passed).length;
  const result: ChecksResult = { version: CHECKS_RESULT_VERSION, total: outcomes.length, passed, failed: outcomes.length - passed, checks: outcomes };
  (options.show ?? showChecks)(formatChecks(result), result);
  if (result.failed > 0) throw new ChecksFailedError(result);
}

/**
 * The lines `checks()` prints: `✔ name` per passed check, `✘ name: hint` per failed one (a hint
 * of several lines continues indented).
 *
 * @param result - a run's result.
 */
export function formatChecks(result: ChecksResult): string {
  return result.checks
    .map((check) => (check.passed ? `${PASS_MARK} ${check.name}` : `${FAIL_MARK} ${check.name}: ${(check.hint ?? '').replace(/\n/g, '\n    ')}`))
    .join('\n');
}

async function runCheck(name: string, check: Check, timeoutMs: number): Promise<CheckOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = Symbol('timed out');
  try {
    const settled = await Promise.race([
      (async () => check())(),
      new Promise<typeof timedOut>((resolve) => {
        timer = setTimeout(() => resolve(timedOut), timeoutMs);
      }),
    ]);
    if (settled === timedOut) return { name, passed: false, kind: 'timeout', hint: `did not finish within ${timeoutMs / 1000} s` };
    return { name, passed: true };
  } catch (error) {
    if (error instanceof AssertionError) {
      // Node appends its own diff to the author's message, differently from one version to the
      // next: the hint is the author's line, the diff goes to `detail`.
      const message = error.message.trimEnd();
      const hint = error.generatedMessage ? message : (message.split('\n')[0] ?? '');
      return { name, passed: false, kind: 'assertion', hint, ...(message !== hint ? { detail: message } : {}) };
    }
    const hint = error instanceof Error ? `${error.name}: ${error.message}` : `threw ${String(error)}`;
    return { name, passed: false, kind: 'error', hint };
  } finally {
    clearTimeout(timer);
  }
}
