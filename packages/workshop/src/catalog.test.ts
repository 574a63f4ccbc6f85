import { expect, test } from 'vitest';
import { Catalog, fileVersion } from './catalog.js';
import { NotebookNameConflictError, UnknownNotebookError } from './errors.js';
import { fixture } from './test-support/fixtures.js';

const catalog = new Catalog([fixture('workshop-test.ipynb'), fixture('second.ipynb')]);

test('names notebooks by file name, in the order given', () => {
  expect(catalog.entries.map((entry) => entry.name)).toEqual(['workshop-test', 'second']);
  expect(catalog.find('second')?.path).toBe(fixture('second.ipynb'));
  expect(catalog.find('nope')).toBeUndefined();
  expect(catalog.neighbours('workshop-test')).toEqual({ prev: undefined, next: catalog.entries[1] });
  expect(catalog.neighbours('second')).toEqual({ prev: catalog.entries[0], next: undefined });
});

test('loads a notebook with a version that changes with its bytes', async () => {
  const loaded = await catalog.load('second');
  expect(loaded.notebook.cells).toHaveLength(2);
  expect(loaded.version).toMatch(/^[0-9a-f]{16}$/);
  expect(fileVersion('a')).not.toBe(fileVersion('b'));
  await expect(catalog.load('nope')).rejects.toThrow(UnknownNotebookError);
});

test('refuses two notebooks with one name, and paths that are not notebooks', () => {
  expect(() => new Catalog(['a/x.ipynb', 'b/x.ipynb'])).toThrow(NotebookNameConflictError);
  expect(() => new Catalog(['a/x.ipynb', 'b/x.ipynb'])).toThrow(/"x"/);
  expect(() => new Catalog(['notes.md'])).toThrow(TypeError);
});
