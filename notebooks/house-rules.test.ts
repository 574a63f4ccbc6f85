// The house rules of ../shared/NOTEBOOKS.md that a machine can check, on every committed notebook:
// the shape a projected cell needs, and that a verdict is printed where the runner compares it.
// (The runner checks that each notebook runs and that its outputs are what a fresh run prints.)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cellPolicy, outputText, parseNotebook, sourceText, type Notebook } from '@scalable-ts/notebook';
import { describe, expect, it } from 'vitest';

const MAX_CELLS = 42;
const MAX_CODE_LINES = 25; // "a code cell rarely passes 15 lines", and no notebook has one over 25
const MAX_LINE = 100;

const dir = import.meta.dirname;
const files = readdirSync(dir).filter((name) => /^\d\d-.+\.ipynb$/.test(name)).sort();

function load(name: string): Notebook {
  return parseNotebook(readFileSync(join(dir, name), 'utf8'), name);
}

describe.each(files)('%s', (name) => {
  const notebook = load(name);
  const code = notebook.cells.map((cell, index) => ({ cell, index })).filter(({ cell }) => cell.cell_type === 'code');

  it(`has at most ${MAX_CELLS} cells`, () => {
    expect(notebook.cells.length).toBeLessThanOrEqual(MAX_CELLS);
  });

  it(`has no code cell over ${MAX_CODE_LINES} lines and no code line over ${MAX_LINE} characters`, () => {
    const problems = code.flatMap(({ cell, index }) => {
      const lines = sourceText(cell).split('\n');
      return [
        ...(lines.length > MAX_CODE_LINES ? [`[${index}] has ${lines.length} lines`] : []),
        ...lines.flatMap((line, at) => (line.length > MAX_LINE ? [`[${index}] line ${at + 1} has ${line.length} characters`] : [])),
      ];
    });
    expect(problems).toEqual([]);
  });

  // A cell tagged nbval-ignore-output is run but its outputs are never compared, so a verdict
  // printed there (`{ dequeOver5xFaster: true }`) could turn false with CI still green. Raw
  // numbers go on a `measured: …` line that the notebook's sanitizer masks; the verdict stays
  // in a compared output.
  it('prints no true/false verdict in a cell whose outputs are not compared', () => {
    const unchecked = code
      .filter(({ cell }) => cellPolicy(cell).ignoreOutput)
      .filter(({ cell }) => /:\s*(?:true|false)\b/.test(outputText(cell.outputs ?? [])))
      .map(({ index }) => `[${index}]`);
    expect(unchecked).toEqual([]);
  });
});
