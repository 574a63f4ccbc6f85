/**
 * Comparing a learner's prediction of a `predict` cell's output with what it printed: line by
 * line, ignoring spaces at either end of a line and blank lines (what a learner types by hand).
 */

/** One line of the comparison: what was expected and what was printed at that position. */
export interface PredictionRow {
  expected?: string;
  actual?: string;
  same: boolean;
}

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/**
 * Compares `predicted` with `printed`.
 *
 * @example
 * ```ts
 * comparePrediction('sync\nnextTick', 'sync\nnextTick\n').same; // true
 * ```
 */
export function comparePrediction(predicted: string, printed: string): { same: boolean; rows: PredictionRow[] } {
  const expected = lines(predicted);
  const actual = lines(printed);
  const rows: PredictionRow[] = [];
  for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
    const e = expected[i];
    const a = actual[i];
    rows.push({ ...(e !== undefined ? { expected: e } : {}), ...(a !== undefined ? { actual: a } : {}), same: e === a });
  }
  return { same: rows.every((row) => row.same), rows };
}
