/**
 * Fresh outputs into a notebook: what the runner's update mode and the workshop's save both
 * write back after running cells.
 */
import type { Notebook, Output } from './types.js';

/** What one run of a code cell produced. */
export interface CellRun {
  readonly outputs: Output[];
  readonly executionCount: number | null;
}

/**
 * `notebook` with the outputs and execution counts of `runs` (cell index among all cells → its
 * run) in place of the committed ones. Cells without a run stay as they are, and so do cells a
 * run names that are not code cells. Returns a new notebook; `notebook` is not changed.
 *
 * @example
 * ```ts
 * await writeNotebook(path, withOutputs(notebook, new Map([[2, { outputs, executionCount: 1 }]])));
 * ```
 */
export function withOutputs(notebook: Notebook, runs: Iterable<readonly [number, CellRun]>): Notebook {
  const byIndex = new Map(runs);
  return {
    ...notebook,
    cells: notebook.cells.map((cell, index) => {
      const run = byIndex.get(index);
      return run && cell.cell_type === 'code' ? { ...cell, outputs: run.outputs, execution_count: run.executionCount } : cell;
    }),
  };
}
