import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sourceText } from './multiline.js';
import { parseNotebook } from './read.js';
import { serializeNotebook } from './serialize.js';
import { sampleNotebook } from './test-support/notebooks.js';
import type { Cell, Notebook, Output } from './types.js';

// Written by hand the way Jupyter writes (nbformat's JSON writer): sorted keys, one-space indent,
// unicode as itself, text as line arrays, base64 images as one string, JSON data left alone.
const jupyterWritten = readFileSync(new URL('./fixtures/jupyter-written.ipynb', import.meta.url), 'utf8');

describe('serializeNotebook', () => {
  it('gives back the exact bytes of a notebook Jupyter wrote', () => {
    expect(serializeNotebook(parseNotebook(jupyterWritten, 'jupyter-written.ipynb'))).toBe(jupyterWritten);
  });

  it('splits text into lines, ends with a newline, and keeps cell ids', () => {
    const text = serializeNotebook(sampleNotebook());
    expect(text.endsWith('}\n')).toBe(true);
    const written = JSON.parse(text) as Notebook;
    expect(written.cells[0]).toEqual({ cell_type: 'markdown', id: 'md-1', metadata: {}, source: ['# Title\n', 'Some text.'] });
    expect(written.cells[1]).toMatchObject({ id: 'code-1', outputs: [{ text: ['1\n'] }, { data: { 'text/plain': ['1'] } }] });
  });

  it('stores MIME data as Jupyter does: text split, images joined, JSON untouched', () => {
    const nb = sampleNotebook();
    const output: Output = {
      output_type: 'display_data',
      metadata: {},
      data: {
        'text/html': '<b>a</b>\n<i>b</i>',
        'image/svg+xml': '<svg>\n</svg>',
        'application/javascript': 'a;\nb;',
        'image/png': ['iVBOR', 'w0KG'],
        'application/json': ['kept', 'as list'],
        'application/vnd.custom+json': { a: 1 },
      },
    };
    (nb.cells[1] as Extract<Cell, { cell_type: 'code' }>).outputs = [output];
    const data = (JSON.parse(serializeNotebook(nb)) as { cells: Array<{ outputs?: Array<{ data: unknown }> }> }).cells[1]!.outputs![0]!.data;
    expect(data).toEqual({
      'text/html': ['<b>a</b>\n', '<i>b</i>'],
      'image/svg+xml': ['<svg>\n', '</svg>'],
      'application/javascript': ['a;\n', 'b;'],
      'image/png': 'iVBORw0KG',
      'application/json': ['kept', 'as list'],
      'application/vnd.custom+json': { a: 1 },
    });
  });

  it('re-splits lines stored at odd boundaries and drops transient metadata', () => {
    const nb = sampleNotebook();
    nb.cells[0]!.source = ['# Ti', 'tle\nSome', ' text.'];
    nb.cells[0]!.metadata['trusted'] = true;
    Object.assign(nb.metadata, { orig_nbformat: 3, orig_nbformat_minor: 0, signature: 'sha256:x' });
    const written = JSON.parse(serializeNotebook(nb)) as Notebook;
    expect(written.cells[0]!.source).toEqual(['# Title\n', 'Some text.']);
    expect(written.cells[0]!.metadata).toEqual({});
    expect(Object.keys(written.metadata)).toEqual(['kernelspec']);
  });

  it('does not modify its argument', () => {
    const nb = sampleNotebook();
    serializeNotebook(nb);
    expect(nb).toEqual(sampleNotebook());
  });
});

const text = fc.string({ unit: fc.constantFrom('a', 'Z', 'é', '日', '🚀', ' ', '\n', '\r\n', '\t', '"', '\\', '\u0007') });
const tags = fc.uniqueArray(fc.stringMatching(/^[a-z][a-z-]{0,8}$/), { maxLength: 3 });
const output: fc.Arbitrary<Output> = fc.oneof(
  fc.record({ output_type: fc.constant('stream' as const), name: fc.constantFrom('stdout' as const, 'stderr' as const), text }),
  fc.record({ output_type: fc.constant('display_data' as const), data: fc.record({ 'text/plain': text }), metadata: fc.constant({}) }),
  fc.record({
    output_type: fc.constant('execute_result' as const),
    execution_count: fc.option(fc.nat(99), { nil: null }),
    data: fc.record({ 'text/plain': text, 'image/png': fc.base64String() }),
    metadata: fc.constant({}),
  }),
  fc.record({ output_type: fc.constant('error' as const), ename: text, evalue: text, traceback: fc.array(text, { maxLength: 3 }) }),
);
const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.record({ cell_type: fc.constant('markdown' as const), metadata: fc.record({ tags }), source: text }),
  fc.record({ cell_type: fc.constant('raw' as const), metadata: fc.constant({}), source: text }),
  fc.record({
    cell_type: fc.constant('code' as const),
    metadata: fc.record({ tags }),
    source: text,
    outputs: fc.array(output, { maxLength: 3 }),
    execution_count: fc.option(fc.nat(99), { nil: null }),
  }),
);
const json: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x)),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(text, tie('value'), { maxKeys: 3 }),
  ),
})).value;
const notebook: fc.Arbitrary<Notebook> = fc
  .record({ cells: fc.array(cell, { maxLength: 5 }), extra: fc.dictionary(fc.stringMatching(/^x_[a-zé🚀]{0,5}$/u), json, { maxKeys: 3 }) })
  .map(({ cells, extra }) => ({
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript' }, ...extra },
    cells: cells.map((c, i) => ({ ...c, id: `cell-${i}` })),
  }));

describe('serializeNotebook then parseNotebook (property)', () => {
  it('gives a valid notebook with the same content, and is stable', () => {
    fc.assert(
      fc.property(notebook, (nb) => {
        const written = serializeNotebook(nb);
        const back = parseNotebook(written, 'generated.ipynb');
        expect(back.metadata).toEqual(nb.metadata);
        expect(back.cells.map(sourceText)).toEqual(nb.cells.map(sourceText));
        expect(serializeNotebook(back)).toBe(written);
      }),
      { numRuns: 60 },
    );
  });
});
