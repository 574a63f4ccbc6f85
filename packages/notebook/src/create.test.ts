import { describe, expect, it } from 'vitest';
import { cellTags, codeCells } from './cells.js';
import { EXERCISE_TAGS, SOLUTION_TAGS } from './tags.js';
import { createNotebook } from './create.js';
import { sourceText } from './multiline.js';
import { parseNotebook } from './read.js';
import { serializeNotebook } from './serialize.js';
import { validateNotebook } from './validate.js';

describe('createNotebook', () => {
  it('makes a valid nbformat 4.5 notebook for tslab, with ids on every cell', () => {
    const nb = createNotebook({ title: 'Queues that scale', kernel: 'tslab' });
    expect(validateNotebook(nb, 'new.ipynb')).toBe(nb);
    expect(nb).toMatchObject({ nbformat: 4, nbformat_minor: 5 });
    expect(nb.metadata.kernelspec).toEqual({ display_name: 'TypeScript', language: 'typescript', name: 'tslab' });
    expect(nb.metadata.language_info).toMatchObject({ name: 'typescript', file_extension: '.ts' });
    const ids = nb.cells.map((cell) => cell.id ?? '');
    for (const id of ids) expect(id).toMatch(/^[a-zA-Z0-9-_]{8,64}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(createNotebook({ title: 'X', kernel: 'tslab' }).cells[0]!.id).not.toBe(ids[0]);
  });

  it('follows the house shape: title and intro, code, two self-checking exercises with hidden solutions, interview corner', () => {
    const nb = createNotebook({ title: 'Queues', summary: 'Queues decouple producers from consumers.', kernel: 'tslab' });
    expect(nb.cells.map((cell) => cell.cell_type)).toEqual(['markdown', 'code', 'markdown', ...Array(2).fill(['markdown', 'code', 'code', 'code']).flat(), 'markdown']);
    const title = sourceText(nb.cells[0]!);
    expect(title).toMatch(/^# Queues\n\nQueues decouple producers from consumers\.\n\nAfter this notebook you will be able to:\n\n- /);
    expect(sourceText(nb.cells[2]!)).toMatch(/^## Exercises\n/);
    expect(sourceText(nb.cells[3]!)).toMatch(/^### Exercise 1: /);
    expect(sourceText(nb.cells[7]!)).toMatch(/^### Exercise 2: /);
    expect(sourceText(nb.cells.at(-1)!)).toMatch(/^## Interview corner\n/);
    const [first, ...exercises] = codeCells(nb);
    expect(cellTags(first!.cell)).toEqual([]);
    expect(exercises.map(({ cell }) => cellTags(cell))).toEqual(
      Array(2).fill([[EXERCISE_TAGS.exercise], [EXERCISE_TAGS.check], [...SOLUTION_TAGS]]).flat(),
    );
    const solution = exercises[2]!.cell;
    expect(solution.metadata.jupyter).toEqual({ source_hidden: true });
    expect(solution).toMatchObject({ outputs: [], execution_count: null });
    expect(sourceText(exercises[1]!.cell)).toMatch(/^import \{ checks \} from "@scalable-ts\/exercises";\nimport assert from "node:assert\/strict";\nawait checks\(\{/);
    expect(sourceText(createNotebook({ title: 'Q', kernel: 'tslab' }).cells[0]!)).toContain('TODO');
  });

  it('makes a JavaScript notebook for jslab', () => {
    const nb = createNotebook({ title: 'Plain JS', kernel: 'jslab' });
    expect(nb.metadata.kernelspec).toEqual({ display_name: 'JavaScript', language: 'javascript', name: 'jslab' });
    expect(nb.metadata.language_info).toMatchObject({ name: 'javascript', file_extension: '.js' });
    const sources = codeCells(nb).map(({ cell }) => sourceText(cell)).join('\n');
    expect(sources).toContain('function double(n) {');
    expect(sources).not.toMatch(/: (?:number|Promise)/);
  });

  it('survives a write and read unchanged', () => {
    const nb = createNotebook({ title: 'Round trip', kernel: 'tslab' });
    const text = serializeNotebook(nb);
    expect(serializeNotebook(parseNotebook(text, 'x.ipynb'))).toBe(text);
  });

  it('names the bad argument', () => {
    expect(() => createNotebook({ title: ' ', kernel: 'tslab' })).toThrow(new TypeError('createNotebook: "title" must be a non-empty string, got " "'));
    expect(() => createNotebook({ title: 'T', kernel: 'python3' as 'tslab' })).toThrow('"kernel" must be "tslab" or "jslab", got "python3"');
  });
});
