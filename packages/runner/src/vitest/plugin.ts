/**
 * A Vite plugin that lets vitest collect `.ipynb` files as test files: each notebook is read and
 * validated at load time and becomes a module that defines its suite (see `suite.ts`). A notebook
 * that cannot be read becomes a suite with one failing test that says why, so the other notebooks
 * still run.
 */
import { readFile } from 'node:fs/promises';
import { parseNotebook } from '@scalable-ts/notebook';
import type { Plugin } from 'vitest/config';
import { exercisesOf } from '../exercises.js';
import { importedFiles, importedPackages } from '../imports.js';
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
        // --watch: a change to what the cells import re-runs the notebook, as a change to it does.
        if (process.env[ENV.watch] === '1') {
          for (const file of [...importedFiles(notebook, path), ...importedPackages(notebook, path).flatMap((p) => p.files)]) this.addWatchFile(file);
        }
        const timeout = process.env[ENV.timeout];
        const refs = cellRefs(notebook);
        const limits = refs.map((ref) => cellTimeoutMs(notebook, ref.cell, timeout ? Number(timeout) : undefined, path));
        const limit = (number: number) => limits[number - 1] ?? 0;
        const found = exercisesOf(notebook);
        // A solution cell's run includes the proof (its exercise's checks, run again): both limits.
        const proofAfter = new Map(found.flatMap((e) => (e.solution && e.check ? [[e.solution, e.check] as const] : [])));
        const cells = refs.map((ref) => {
          const check = proofAfter.get(ref.number);
          return { number: ref.number, name: ref.name, timeoutMs: limit(ref.number) + (check ? limit(check) : 0) };
        });
        // Each exercise's test comes right after the last of its cells (its solution, when the form is whole).
        const exercises = found.map((e) => ({ number: e.number, name: e.name, after: e.solution ?? e.check ?? e.starter }));
        return {
          code: `import { defineNotebookSuite } from ${suite};\ndefineNotebookSuite(${JSON.stringify(path)}, ${JSON.stringify(cells)}, ${JSON.stringify(exercises)});\n`,
          map: null,
        };
      } catch (error) {
        const message = (error as Error).message;
        return { code: `import { defineBrokenNotebookSuite } from ${suite};\ndefineBrokenNotebookSuite(${JSON.stringify(path)}, ${JSON.stringify(message)});\n`, map: null };
      }
    },
  };
}
