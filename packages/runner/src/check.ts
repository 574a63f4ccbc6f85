/**
 * How strictly a notebook is judged, from the command line (`--check`) or, when that says
 * nothing, the notebook's metadata `scalable_ts.check`, else `outputs`:
 *
 * - `outputs`: cells must run as their tags say, and committed outputs are compared (nbval);
 * - `errors`: cells must run as their tags say; outputs are not compared (nbmake), for notebooks
 *   whose outputs are not meant to be stable;
 * - `none`: run only and report; only a kernel death and a time-out fail.
 *
 * The command line wins here (unlike time limits): `--check none` is a request for the whole run,
 * and a folder mixes strict and run-only notebooks through their metadata.
 */
import type { Notebook } from '@scalable-ts/notebook';
import { RunnerOptionError } from './errors.js';

export const CHECK_MODES = ['outputs', 'errors', 'none'] as const;
export type CheckMode = (typeof CHECK_MODES)[number];

/** Checks a `--check` or metadata value. */
export function parseCheckMode(value: unknown, where: string): CheckMode {
  if (typeof value === 'string' && (CHECK_MODES as readonly string[]).includes(value)) return value as CheckMode;
  throw new RunnerOptionError(`${where}: check must be one of ${CHECK_MODES.join(', ')}, got ${JSON.stringify(value)}`);
}

/** The check mode of `notebook`: `commandLine` if given, else its metadata's, else `outputs`. */
export function checkModeOf(notebook: Notebook, commandLine: CheckMode | undefined, where: string): CheckMode {
  if (commandLine !== undefined) return commandLine;
  const meta = (notebook.metadata as Record<string, unknown>)['scalable_ts'];
  const value = typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>)['check'] : undefined;
  return value === undefined ? 'outputs' : parseCheckMode(value, `${where} notebook metadata scalable_ts.check`);
}
