/** Looking cells up: their tags, and the code cells with their positions. */
import type { Cell, CodeCell, Notebook } from './types.js';

/**
 * The tags of a cell (`metadata.tags`), or `[]` if it has none.
 *
 * @param cell - any cell.
 * @returns a copy of the tags, in file order.
 *
 * @example
 * ```ts
 * if (cellTags(cell).includes('nbval-skip')) continue;
 * ```
 */
export function cellTags(cell: Pick<Cell, 'metadata'>): string[] {
  const tags: unknown = cell.metadata.tags;
  return Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [];
}

/** A code cell with where it sits in the notebook. */
export interface CodeCellEntry {
  /** The cell's position among all cells, from 0. */
  index: number;
  /** The cell's number among code cells, from 1 (what a learner counts as "code cell 3"). */
  codeIndex: number;
  /** The cell itself (not a copy). */
  cell: CodeCell;
}

/**
 * The code cells of a notebook, with their positions.
 *
 * @param nb - the notebook.
 * @returns one entry per code cell, in order.
 *
 * @example
 * ```ts
 * for (const { index, codeIndex, cell } of codeCells(nb)) {
 *   console.log(`cell ${index} (code cell ${codeIndex}): ${sourceText(cell).split('\n')[0]}`);
 * }
 * ```
 */
export function codeCells(nb: Pick<Notebook, 'cells'>): CodeCellEntry[] {
  const entries: CodeCellEntry[] = [];
  nb.cells.forEach((cell, index) => {
    if (cell.cell_type === 'code') entries.push({ index, codeIndex: entries.length + 1, cell });
  });
  return entries;
}

