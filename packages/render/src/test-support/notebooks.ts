/** Small builders for notebooks in tests; what they build is valid nbformat 4.5. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseNotebook, type Cell, type Notebook, type Output } from '@scalable-ts/notebook';

/** Absolute path of a file in `src/fixtures/`. */
export const fixturePath = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

/** A fixture notebook, parsed and validated. */
export const loadFixture = (name: string): Notebook => {
  const path = fixturePath(name);
  return parseNotebook(readFileSync(path, 'utf8'), path);
};

/** A TypeScript notebook holding `cells`; cells without an id get `cell-1`, `cell-2`, … by position. */
export const notebook = (...cells: Cell[]): Notebook => ({
  nbformat: 4,
  nbformat_minor: 5,
  metadata: {
    kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' },
    language_info: { name: 'typescript' },
  },
  cells: cells.map((cell, i) => ({ id: `cell-${i + 1}`, ...cell })),
});

/** A markdown cell. */
export const md = (source: string, extra: Partial<Cell> = {}): Cell =>
  ({ cell_type: 'markdown', metadata: {}, source, ...extra }) as Cell;

/** A code cell with outputs. */
export const code = (source: string, outputs: Output[] = [], tags?: string[]): Cell => ({
  cell_type: 'code',
  execution_count: 1,
  metadata: tags ? { tags } : {},
  source,
  outputs,
});

/** Serialised notebook JSON. */
export const toJson = (nb: Notebook): string => `${JSON.stringify(nb, null, 1)}\n`;
