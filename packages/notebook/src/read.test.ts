import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NotebookFormatError } from './errors.js';
import { parseNotebook, readNotebook } from './read.js';
import { schemaPath } from './schema.js';
import { notebookJson, sampleNotebook } from './test-support/notebooks.js';

const fixture = fileURLToPath(new URL('./fixtures/jupyter-written.ipynb', import.meta.url));

/** The error parseNotebook throws for `text` (fails the test if it does not throw). */
function formatError(text: string, path = 'notebooks/01-bad.ipynb'): NotebookFormatError {
  try {
    parseNotebook(text, path);
  } catch (error) {
    expect(error).toBeInstanceOf(NotebookFormatError);
    expect(error).toMatchObject({ code: 'ERR_NOTEBOOK_FORMAT', name: 'NotebookFormatError', path });
    return error as NotebookFormatError;
  }
  throw new Error('expected parseNotebook to throw');
}

describe('parseNotebook', () => {
  it('returns a valid notebook as stored', () => {
    const nb = parseNotebook(notebookJson(), 'a.ipynb');
    expect(nb).toEqual(sampleNotebook());
  });

  it('ignores a leading byte-order mark', () => {
    expect(parseNotebook(`\uFEFF${notebookJson()}`, 'a.ipynb').cells).toHaveLength(2);
  });

  it('reports malformed JSON with the file, line and column', () => {
    const error = formatError('{\n "cells": [],\n "metadata": {},,\n}');
    // The same text on every Node: V8 12+ appends its own "(line 3 column 17)", which is dropped.
    expect(error.message).toMatch(/^notebooks\/01-bad\.ipynb: is not valid JSON \(line 3, column 17\): [^()]*position 32$/);
    expect(error.cause).toBeInstanceOf(SyntaxError);
    expect(formatError('{\n "cells": [').message).toMatch(/is not valid JSON \(line 2, column 12\): Unexpected end of JSON input/);
    expect(formatError('').message).toMatch(/is not valid JSON/);
  });

  it('rejects JSON that is not an object', () => {
    expect(formatError('[]').message).toBe('notebooks/01-bad.ipynb: is not a notebook: the JSON is an array, not an object');
    expect(formatError('"x"').message).toMatch(/the JSON is a string, not an object/);
    expect(formatError('null').message).toMatch(/the JSON is null, not an object/);
  });

  it('rejects other nbformat major versions, saying how to convert an old one', () => {
    expect(formatError('{"nbformat": 3, "nbformat_minor": 0, "worksheets": []}').message).toBe(
      'notebooks/01-bad.ipynb: is nbformat 3; only nbformat 4 is supported, convert it with `jupyter nbconvert --to notebook`',
    );
    expect(formatError(notebookJson((nb) => (nb['nbformat'] = 5))).message).toBe(
      'notebooks/01-bad.ipynb: is nbformat 5; only nbformat 4 is supported',
    );
    expect(formatError('{"cells": []}').message).toMatch(/is not a notebook: it has no "nbformat" field/);
    expect(formatError(notebookJson((nb) => (nb['nbformat_minor'] = '5'))).message).toMatch(/invalid "nbformat_minor": "5"/);
  });

  it('lists schema violations by JSON pointer', () => {
    const error = formatError(
      notebookJson((nb) => {
        delete nb['cells'][0].source;
        nb['cells'][1].outputs[0] = { output_type: 'stream', text: 'x' };
      }),
    );
    expect(error.message).toBe(
      [
        'notebooks/01-bad.ipynb: does not match the nbformat v4.5 schema:',
        "  /cells/0: must have required property 'source'",
        "  /cells/1/outputs/0: must have required property 'name'",
      ].join('\n'),
    );
    expect(error.problems).toEqual(["/cells/0: must have required property 'source'", "/cells/1/outputs/0: must have required property 'name'"]);
  });

  it('names a bad output_type or cell_type and the allowed values', () => {
    const output = formatError(notebookJson((nb) => (nb['cells'][1].outputs[1].output_type = 'result')));
    expect(output.problems).toEqual([
      '/cells/1/outputs/1/output_type: must be one of "execute_result", "display_data", "stream", "error" (got "result")',
    ]);
    const cell = formatError(notebookJson((nb) => (nb['cells'][0].cell_type = 'text')));
    expect(cell.problems).toEqual(['/cells/0/cell_type: must be one of "raw", "markdown", "code" (got "text")']);
    const missing = formatError(notebookJson((nb) => delete nb['cells'][0].cell_type));
    expect(missing.problems).toEqual(["/cells/0: must have required property 'cell_type'"]);
  });

  it('describes type errors, extra properties and bad ids readably', () => {
    const error = formatError(
      notebookJson((nb) => {
        nb['extra'] = true;
        nb['cells'][0].id = 'has space';
        nb['cells'][1].execution_count = 'one';
        nb['cells'][1].metadata.tags = 'a';
      }),
    );
    expect(error.problems).toEqual([
      "/: must NOT have additional property 'extra'",
      '/cells/0/id: must match pattern "^[a-zA-Z0-9-_]+$"',
      '/cells/1/metadata/tags: must be array (got string)',
      '/cells/1/execution_count: must be integer,null (got string)',
    ]);
  });

  it('shows the first five problems and counts the rest', () => {
    const error = formatError(
      notebookJson((nb) => {
        nb['cells'] = Array.from({ length: 8 }, (_, i) => ({ cell_type: 'markdown', id: `c${i}`, metadata: {} }));
      }),
    );
    expect(error.problems).toHaveLength(6);
    expect(error.problems.at(-1)).toBe('…and 3 more');
  });

  it('checks minor 5 and later against v4.5 (ids required), earlier minors against v4.4', () => {
    const withoutIds = (minor: number) =>
      notebookJson((nb) => {
        nb['nbformat_minor'] = minor;
        for (const cell of nb['cells']) delete cell.id;
      });
    expect(formatError(withoutIds(5)).problems).toEqual([
      "/cells/0: must have required property 'id'",
      "/cells/1: must have required property 'id'",
    ]);
    for (const minor of [0, 2, 4]) expect(parseNotebook(withoutIds(minor), 'old.ipynb').nbformat_minor).toBe(minor);
    expect(formatError(notebookJson((nb) => (nb['nbformat_minor'] = 4))).problems).toEqual([
      "/cells/0: must NOT have additional property 'id'",
      "/cells/1: must NOT have additional property 'id'",
    ]);
  });
});

describe('readNotebook', () => {
  it('reads and validates a file', async () => {
    const nb = await readNotebook(fixture);
    expect(nb.cells.map((cell) => cell.cell_type)).toEqual(['markdown', 'code', 'code', 'code', 'raw']);
  });

  it('passes file-system errors through', async () => {
    await expect(readNotebook('/nonexistent/x.ipynb')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('the shipped schemas', () => {
  // Copied unchanged from jupyter/nbformat; a change here means the copy was edited.
  it.each([
    ['4.4', 'dddf3bff4c0bd42bd467117321d72bceddb8de7361b0cc9581bd8318e9b4d3c8'],
    ['4.5', '523e3578ddbfcad52933d2423dc5951114ef73f48df180b6a601498ba5ca071a'],
  ] as const)('v%s is the published draft-04 file', (version, sha256) => {
    const text = readFileSync(schemaPath(version));
    expect(createHash('sha256').update(text).digest('hex')).toBe(sha256);
    expect(JSON.parse(text.toString('utf8'))).toMatchObject({
      $schema: 'http://json-schema.org/draft-04/schema#',
      description: `Jupyter Notebook v${version} JSON schema.`,
    });
  });
});
