import { describe, expect, it } from 'vitest';
import type { Notebook } from './types.js';
import { withOutputs } from './with-outputs.js';

const notebook = (): Notebook => ({
  nbformat: 4,
  nbformat_minor: 5,
  metadata: {},
  cells: [
    { cell_type: 'markdown', id: 'm', metadata: {}, source: '# T' },
    { cell_type: 'code', id: 'a', metadata: {}, source: '1', outputs: [], execution_count: null },
    { cell_type: 'code', id: 'b', metadata: {}, source: '2', outputs: [{ output_type: 'stream', name: 'stdout', text: 'old\n' }], execution_count: 7 },
  ],
});

describe('withOutputs', () => {
  it('puts the runs in place of the committed outputs and leaves other cells and the input alone', () => {
    const before = notebook();
    const fresh = [{ output_type: 'stream', name: 'stdout', text: 'new\n' }] as const;
    const after = withOutputs(before, new Map([[1, { outputs: [...fresh], executionCount: 1 }], [0, { outputs: [...fresh], executionCount: 9 }]]));
    expect(after.cells[1]).toMatchObject({ outputs: fresh, execution_count: 1 });
    expect(after.cells[0]).toBe(before.cells[0]);
    expect(after.cells[2]).toBe(before.cells[2]);
    expect(before).toEqual(notebook());
  });
});
