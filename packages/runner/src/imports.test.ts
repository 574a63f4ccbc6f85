import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readNotebook, type Notebook } from '@scalable-ts/notebook';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importedFiles, importedPackages, importedSpecifiers } from './imports.js';
import { notebookJson, scratch } from './test-support/notebooks.js';

let dir: Awaited<ReturnType<typeof scratch>>;
beforeAll(async () => {
  dir = await scratch();
});
afterAll(async () => {
  await dir.remove();
});

const sources = (...cells: string[]) => notebookJson(cells.map((source) => ({ source }))) as unknown as Notebook;

describe('what a notebook imports', () => {
  it('reads import, dynamic import, require and side-effect import specifiers from the code cells', () => {
    const nb = sources('import { Deque } from "@scalable-ts/collections";\nimport "./setup.js";', 'const m = await import("node:fs");\nconst x = require(\'./helper.cjs\');', 'import type { T } from "vitest";');
    expect(importedSpecifiers(nb)).toEqual(['@scalable-ts/collections', './setup.js', 'node:fs', './helper.cjs', 'vitest']);
  });

  it('takes workspace packages (their dist/) and files beside the notebook, not registry packages', async () => {
    const path = fileURLToPath(new URL('../fixtures/coverage.ipynb', import.meta.url));
    const [collections, ...others] = importedPackages(await readNotebook(path), path);
    expect(others).toEqual([]);
    expect(collections?.name).toBe('@scalable-ts/collections');
    expect(collections?.files).toContain(join(collections?.dir ?? '', 'dist', 'deque.js'));
    expect(importedPackages(sources('import { describe } from "vitest";'), path)).toEqual([]);
    await writeFile(join(dir.dir, 'helper.cjs'), 'module.exports = 1;\n');
    const beside = join(dir.dir, 'nb.ipynb');
    expect(importedFiles(sources('require("./helper.cjs"); require("./helper"); require("./missing.cjs")'), beside)).toEqual([join(dir.dir, 'helper.cjs')]);
  });
});
