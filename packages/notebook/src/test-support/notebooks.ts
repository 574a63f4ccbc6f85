/** Small notebooks for tests. */
import type { Notebook } from '../types.js';

/** A valid nbformat 4.5 notebook with a markdown cell and a code cell with outputs. */
export function sampleNotebook(): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' } },
    cells: [
      { cell_type: 'markdown', id: 'md-1', metadata: {}, source: '# Title\nSome text.' },
      {
        cell_type: 'code',
        id: 'code-1',
        metadata: { tags: ['a'] },
        source: 'console.log(1)\n1',
        execution_count: 1,
        outputs: [
          { output_type: 'stream', name: 'stdout', text: '1\n' },
          { output_type: 'execute_result', execution_count: 1, data: { 'text/plain': '1' }, metadata: {} },
        ],
      },
    ],
  };
}

/** The JSON text of a notebook, with `edit` applied to a plain-object copy first. */
export function notebookJson(edit: (nb: Record<string, any>) => void = () => {}, nb: Notebook = sampleNotebook()): string {
  const copy = structuredClone(nb) as unknown as Record<string, any>;
  edit(copy);
  return JSON.stringify(copy, null, 1);
}
