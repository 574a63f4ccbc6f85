import { describe, expect, it } from 'vitest';
import { cellTags, codeCells } from './cells.js';
import { createNotebook, SOLUTION_TAGS } from './create.js';
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

  it('follows the house shape: title and intro, code, exercises with a hidden solution, interview corner', () => {
    const nb = createNotebook({ title: 'Queues', summary: 'Queues decouple producers from consumers.', kernel: 'tslab' });
    expect(nb.cells.map((cell) => cell.cell_type)).toEqual(['markdown', 'code', 'markdown', 'code', 'markdown']);
    const title = sourceText(nb.cells[0]!);
    expect(title).toMatch(/^# Queues\n\nQueues decouple producers from consumers\.\n\nAfter this notebook you will be able to:\n\n- /);
    expect(sourceText(nb.cells[2]!)).toMatch(/^## Exercises\n/);
    expect(sourceText(nb.cells[4]!)).toMatch(/^## Interview corner\n/);
    const [first, solution] = codeCells(nb);
    expect(cellTags(first!.cell)).toEqual([]);
    expect(cellTags(solution!.cell)).toEqual([...SOLUTION_TAGS]);
    expect(solution!.cell.metadata.jupyter).toEqual({ source_hidden: true });
    expect(solution!.cell).toMatchObject({ outputs: [], execution_count: null });
    expect(sourceText(createNotebook({ title: 'Q', kernel: 'tslab' }).cells[0]!)).toContain('TODO');
  });

  it('makes a JavaScript notebook for jslab', () => {
    const nb = createNotebook({ title: 'Plain JS', kernel: 'jslab' });
    expect(nb.metadata.kernelspec).toEqual({ display_name: 'JavaScript', language: 'javascript', name: 'jslab' });
    expect(nb.metadata.language_info).toMatchObject({ name: 'javascript', file_extension: '.js' });
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
