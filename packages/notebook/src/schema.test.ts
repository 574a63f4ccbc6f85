import { readFileSync } from 'node:fs';
import AjvModule from 'ajv-draft-04';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schemaProblems, schemaPath, schemaVersionFor, type SchemaVersion } from './schema.js';
import { sampleNotebook } from './test-support/notebooks.js';

/** The published schema compiled as is: no discriminator. */
function plainValidator(version: SchemaVersion) {
  const ajv = new AjvModule.default({ strict: false });
  return ajv.compile(JSON.parse(readFileSync(schemaPath(version), 'utf8')) as object);
}

const keys = ['cell_type', 'output_type', 'source', 'id', 'name', 'text', 'data', 'metadata', 'execution_count', 'outputs'];
const values = [
  'code', 'markdown', 'raw', 'stream', 'error', 'display_data', 'execute_result', 'strem', 'stdout',
  null, 3, ['a'], {}, undefined,
];

describe('schemaVersionFor', () => {
  it('uses v4.5 from minor 5 on and v4.4 before', () => {
    expect([0, 4, 5, 6].map(schemaVersionFor)).toEqual(['4.4', '4.4', '4.5', '4.5']);
  });
});

describe('the discriminator added to the compiled schema (property)', () => {
  it('accepts and rejects exactly what the published schema does', () => {
    const plain = plainValidator('4.5');
    const edit = fc.record({
      cell: fc.nat(1),
      output: fc.option(fc.nat(1), { nil: undefined }),
      key: fc.constantFrom(...keys),
      value: fc.constantFrom(...values),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        const nb = structuredClone(sampleNotebook()) as unknown as { cells: Array<Record<string, any>> };
        for (const { cell, output, key, value } of edits) {
          const target = output === undefined ? nb.cells[cell] : nb.cells[cell]?.['outputs']?.[output];
          if (target === undefined || target === null || typeof target !== 'object') continue;
          if (value === undefined) delete target[key];
          else target[key] = value;
        }
        const value = JSON.parse(JSON.stringify(nb)) as unknown;
        expect(schemaProblems(value, '4.5').length === 0).toBe(plain(value));
      }),
      { numRuns: 300 },
    );
  });
});
