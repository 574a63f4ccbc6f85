import { describe, expect, it } from 'vitest';
import { cellTags, codeCells } from './cells.js';
import type { Cell, Notebook } from './types.js';

const markdown = (source: string): Cell => ({ cell_type: 'markdown', metadata: {}, source });
const code = (source: string, tags?: string[]): Cell => ({
  cell_type: 'code',
  metadata: tags ? { tags } : {},
  source,
  outputs: [],
  execution_count: null,
});

describe('cellTags', () => {
  it('returns the tags, or [] when there are none', () => {
    expect(cellTags(code('x', ['solution', 'hide-input']))).toEqual(['solution', 'hide-input']);
    expect(cellTags(code('x'))).toEqual([]);
  });

  it('returns a copy and ignores a malformed tags value', () => {
    const cell = code('x', ['a']);
    cellTags(cell).push('b');
    expect(cell.metadata.tags).toEqual(['a']);
    expect(cellTags({ metadata: { tags: 'a,b' as unknown as string[] } })).toEqual([]);
  });
});

describe('codeCells', () => {
  it('gives each code cell its position among all cells and its 1-based code number', () => {
    const nb: Notebook = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {},
      cells: [markdown('# T'), code('a'), markdown('text'), code('b'), { cell_type: 'raw', metadata: {}, source: '' }, code('c')],
    };
    const entries = codeCells(nb);
    expect(entries.map(({ index, codeIndex, cell }) => [index, codeIndex, cell.source])).toEqual([
      [1, 1, 'a'],
      [3, 2, 'b'],
      [5, 3, 'c'],
    ]);
    expect(entries[0]!.cell).toBe(nb.cells[1]);
    expect(codeCells({ cells: [] })).toEqual([]);
  });
});
