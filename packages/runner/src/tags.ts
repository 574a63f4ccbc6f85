import type { Cell } from '@scalable-ts/notebook';
import { cellTags } from '@scalable-ts/notebook';

/** What a cell's tags ask of the runner. The tags are those nbval, nbmake and nbclient users know. */
export interface CellPolicy {
  /** `skip-execution` or `nbval-skip`: the cell is not run and its committed outputs stay. */
  skip: boolean;
  /** `raises-exception` or `nbval-raises-exception`: the cell must fail; the run goes on. */
  raises: boolean;
  /** `nbval-ignore-output`: the cell must run, but its outputs are not compared. */
  ignoreOutput: boolean;
}

const SKIP = new Set(['skip-execution', 'nbval-skip']);
const RAISES = new Set(['raises-exception', 'nbval-raises-exception']);
const IGNORE_OUTPUT = new Set(['nbval-ignore-output']);

/** Reads a cell's policy from its tags. */
export function cellPolicy(cell: Cell): CellPolicy {
  const tags = cellTags(cell);
  return {
    skip: tags.some((tag) => SKIP.has(tag)),
    raises: tags.some((tag) => RAISES.has(tag)),
    ignoreOutput: tags.some((tag) => IGNORE_OUTPUT.has(tag)),
  };
}
