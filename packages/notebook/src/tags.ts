/**
 * The cell-tag vocabulary: every tag a tool of this project reads, what it means, and what a
 * cell's tags ask for ({@link tagPolicy}, {@link cellPolicy}). The runner, the renderer, the
 * workshop's server and its page script all read tags through this file, so a tag is named in
 * one place. No Node APIs here: the page script imports it too (`@scalable-ts/notebook/tags`).
 *
 * ```text
 *   tag                         read by              meaning
 *   skip-execution, nbval-skip  runner, workshop     not run; committed outputs stay ("run to here" skips it)
 *   raises-exception,           runner, workshop     must fail; the run (the workshop's queue) goes on
 *     nbval-raises-exception
 *   nbval-ignore-output         runner               runs, outputs not compared
 *   exercise                    runner, workshop     an exercise's starter (issue 17)
 *   exercise-check              runner, workshop     its checks, right after the starter
 *   solution                    runner, render, ws   its reference answer (folded on pages)
 *   predict                     runner, workshop     the learner writes the expected output first
 *   hide-input, hide-output     render               fold the code / the outputs into a <details>
 *   remove-cell, remove-input,  render               leave the cell / its code / its outputs out
 *     remove-output
 * ```
 *
 * The nbval names are the ones nbval, nbmake and nbclient users know; the render names follow
 * Jupyter Book, so a notebook renders alike there.
 */
import { cellTags } from './cells.js';
import type { Cell } from './types.js';

/**
 * The tags of the exercise form (issue 17), the one vocabulary the runner, the workshop and the
 * scaffold share:
 * - `exercise`: the starter a learner edits; it compiles and runs, but is wrong;
 * - `exercise-check`: right after it, the checks (`checks()` of `@scalable-ts/exercises`);
 * - `solution`: the reference answer, defining the same names (with `hide-input` beside it);
 * - `predict`: a cell whose output the learner writes down before running it.
 */
export const EXERCISE_TAGS = {
  exercise: 'exercise',
  check: 'exercise-check',
  solution: 'solution',
  predict: 'predict',
} as const;

/** Tags that fold or remove parts of a rendered cell (Jupyter Book's names). */
export const CELL_TAGS = {
  hideInput: 'hide-input',
  hideOutput: 'hide-output',
  solution: EXERCISE_TAGS.solution,
  removeCell: 'remove-cell',
  removeInput: 'remove-input',
  removeOutput: 'remove-output',
} as const;

/**
 * The tags of a solution cell: `solution` for this project's tools, `hide-input` for the
 * Jupyter Book / nbconvert convention of collapsing a cell's source. Solution cells also start
 * with their source collapsed in JupyterLab (`metadata.jupyter.source_hidden`).
 */
export const SOLUTION_TAGS: readonly string[] = [EXERCISE_TAGS.solution, CELL_TAGS.hideInput];

/** Tags that change how a cell runs (nbval's names and their aliases). */
export const RUN_TAGS = {
  /** The cell is not run and its committed outputs stay. */
  skip: ['skip-execution', 'nbval-skip'],
  /** The cell must fail; the run goes on. */
  raises: ['raises-exception', 'nbval-raises-exception'],
  /** The cell must run, but its outputs are not compared. */
  ignoreOutput: ['nbval-ignore-output'],
} as const;

/** What a cell's tags ask of the tools that run it. */
export interface TagPolicy {
  /** `skip-execution` or `nbval-skip`: the cell is not run and its committed outputs stay. */
  skip: boolean;
  /** `raises-exception` or `nbval-raises-exception`: the cell must fail; the run goes on. */
  raises: boolean;
  /** `nbval-ignore-output`: the cell must run, but its outputs are not compared. */
  ignoreOutput: boolean;
  /** The cell's role in an exercise (`exercise`, `exercise-check`, `solution` tags), if any. */
  exercise?: 'starter' | 'check' | 'solution';
  /** `predict`: the learner writes down the output they expect before running it. */
  predict: boolean;
}

/** What a cell's tags and `scalable_ts` metadata ask of the runner. */
export interface CellPolicy extends TagPolicy {
  /**
   * `scalable_ts.node` in cell metadata: a semver range (`">=26"`) the kernel's Node must satisfy;
   * on another Node the cell is skipped. Not validated here (the runner's `nodeRangeSkip` does).
   */
  node?: unknown;
}

/**
 * Reads what a list of tags asks for (the page script has the tags, not the cell).
 *
 * @example
 * ```ts
 * tagPolicy(['nbval-skip']).skip; // true
 * ```
 */
export function tagPolicy(tags: readonly string[]): TagPolicy {
  const has = (any: readonly string[]) => tags.some((tag) => any.includes(tag));
  const role = tags.includes(EXERCISE_TAGS.check)
    ? 'check'
    : tags.includes(EXERCISE_TAGS.exercise)
      ? 'starter'
      : tags.includes(EXERCISE_TAGS.solution)
        ? 'solution'
        : undefined;
  return {
    skip: has(RUN_TAGS.skip),
    raises: has(RUN_TAGS.raises),
    ignoreOutput: has(RUN_TAGS.ignoreOutput),
    ...(role ? { exercise: role } : {}),
    predict: tags.includes(EXERCISE_TAGS.predict),
  };
}

/** Reads a cell's policy from its tags and its `scalable_ts` metadata. */
export function cellPolicy(cell: Pick<Cell, 'metadata'>): CellPolicy {
  const meta = cell.metadata['scalable_ts'];
  const node = typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>)['node'] : undefined;
  return { ...tagPolicy(cellTags(cell)), ...(node !== undefined ? { node } : {}) };
}
