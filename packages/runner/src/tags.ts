import type { Cell } from '@scalable-ts/notebook';
import { cellTags, EXERCISE_TAGS } from '@scalable-ts/notebook';

/** What a cell's tags and `scalable_ts` metadata ask of the runner. */
export interface CellPolicy {
  /** `skip-execution` or `nbval-skip`: the cell is not run and its committed outputs stay. */
  skip: boolean;
  /** `raises-exception` or `nbval-raises-exception`: the cell must fail; the run goes on. */
  raises: boolean;
  /** `nbval-ignore-output`: the cell must run, but its outputs are not compared. */
  ignoreOutput: boolean;
  /** The cell's role in an exercise (`exercise`, `exercise-check`, `solution` tags), if any. */
  exercise?: 'starter' | 'check' | 'solution';
  /** `predict`: the learner writes down the output they expect before running it (run as usual here). */
  predict: boolean;
  /**
   * `scalable_ts.node` in cell metadata: a semver range (`">=26"`) the kernel's Node must satisfy;
   * on another Node the cell is skipped. Not validated here (see `nodeRangeSkip`).
   */
  node?: unknown;
}

// The tags nbval, nbmake and nbclient users know.
const SKIP = new Set(['skip-execution', 'nbval-skip']);
const RAISES = new Set(['raises-exception', 'nbval-raises-exception']);
const IGNORE_OUTPUT = new Set(['nbval-ignore-output']);

/** Reads a cell's policy from its tags and metadata. */
export function cellPolicy(cell: Cell): CellPolicy {
  const tags = cellTags(cell);
  const role = tags.includes(EXERCISE_TAGS.check)
    ? 'check'
    : tags.includes(EXERCISE_TAGS.exercise)
      ? 'starter'
      : tags.includes(EXERCISE_TAGS.solution)
        ? 'solution'
        : undefined;
  const meta = cell.metadata['scalable_ts'];
  const node = typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>)['node'] : undefined;
  return {
    skip: tags.some((tag) => SKIP.has(tag)),
    raises: tags.some((tag) => RAISES.has(tag)),
    ignoreOutput: tags.some((tag) => IGNORE_OUTPUT.has(tag)),
    ...(role ? { exercise: role } : {}),
    predict: tags.includes(EXERCISE_TAGS.predict),
    ...(node !== undefined ? { node } : {}),
  };
}
