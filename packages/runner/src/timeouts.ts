/**
 * A cell's time limit, from the most specific place that sets one:
 *
 *   cell metadata `scalable_ts.timeout`  >  notebook metadata `scalable_ts.timeout`
 *   (or nbmake's `execution.timeout`)  >  the command line (`--timeout S`)  >  60 s
 *
 * Metadata wins over the command line because the author knows that one cell downloads a file
 * for 90 s; the command line sets the default for everything else. Values are seconds.
 */
import type { Cell, Notebook } from '@scalable-ts/notebook';
import { RunnerOptionError } from './errors.js';

/** The time limit of a cell when nothing else sets one. */
export const DEFAULT_TIMEOUT_SECONDS = 60;

function metadataSeconds(metadata: Record<string, unknown> | undefined, where: string): number | undefined {
  const own = (metadata?.['scalable_ts'] as { timeout?: unknown } | undefined)?.timeout;
  const nbmake = (metadata?.['execution'] as { timeout?: unknown } | undefined)?.timeout;
  const value = own ?? nbmake;
  return value === undefined ? undefined : parseTimeout(value, where);
}

/** Checks a timeout value (seconds, a positive finite number). */
export function parseTimeout(value: unknown, where: string): number {
  const seconds = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) {
    throw new RunnerOptionError(`${where}: timeout must be a positive number of seconds, got ${JSON.stringify(value)}`);
  }
  return seconds;
}

/** The time limit of `cell` in `notebook`, in milliseconds. */
export function cellTimeoutMs(notebook: Notebook, cell: Cell, commandLineSeconds: number | undefined, where: string): number {
  const seconds =
    metadataSeconds(cell.metadata as Record<string, unknown>, `${where} cell metadata`) ??
    metadataSeconds(notebook.metadata as Record<string, unknown>, `${where} notebook metadata`) ??
    commandLineSeconds ??
    DEFAULT_TIMEOUT_SECONDS;
  return seconds * 1000;
}
