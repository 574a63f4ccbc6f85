/**
 * A Vite plugin that lets vitest collect `.ipynb` files as test files: each notebook is read and
 * validated at load time and becomes a module that defines its suite (see `suite.ts`). A notebook
 * that cannot be read becomes a suite with one failing test that says why, so the other notebooks
 * still run.
 */
import { readFile } from 'node:fs/promises';
import { parseNotebook } from '@scalable-ts/notebook';
import type { Plugin } from 'vitest/config';
import { cellRefs } from '../session.js';
import { cellTimeoutMs } from '../timeouts.js';
import { ENV } from './env.js';

// `../../dist/` from both `src/vitest/` (tests) and `dist/vitest/` (the build) names the compiled suite.
const SUITE_MODULE = new URL('../../dist/vitest/suite.js', import.meta.url).href;

/** The vitest plugin: add it to `plugins` and `**\/*.ipynb` to `test.include`. */
export function notebookTests(): Plugin {
  return {
    name: 'scalable-ts:notebook-tests',
    enforce: 'pre',
    async load(id) {
      const path = id.split('?')[0] ?? id;
      if (!path.endsWith('.ipynb')) return null;
      const text = await readFile(path, 'utf8');
      const suite = JSON.stringify(SUITE_MODULE);
      try {
        const notebook = parseNotebook(text, path);
        const timeout = process.env[ENV.timeout];
        const cells = cellRefs(notebook).map((ref) => ({
          number: ref.number,
          name: ref.name,
          timeoutMs: cellTimeoutMs(notebook, ref.cell, timeout ? Number(timeout) : undefined, path),
        }));
        return { code: `import { defineNotebookSuite } from ${suite};\ndefineNotebookSuite(${JSON.stringify(path)}, ${JSON.stringify(cells)});\n`, map: null };
      } catch (error) {
        const message = (error as Error).message;
        return { code: `import { defineBrokenNotebookSuite } from ${suite};\ndefineBrokenNotebookSuite(${JSON.stringify(path)}, ${JSON.stringify(message)});\n`, map: null };
      }
    },
  };
}
