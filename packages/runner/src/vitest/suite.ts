/**
 * The vitest suite of one notebook: a `describe` named after the file, one `test` per code cell,
 * run in order against one kernel started in `beforeAll`. This is what an `.ipynb` file becomes
 * when the {@link notebookTests} plugin loads it.
 */
import { basename } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { NotebookSession } from '../session.js';
import { optionsFromEnv } from './env.js';

/** A cell as the plugin describes it at collection time. */
export interface SuiteCell {
  number: number;
  name: string;
  /** The cell's time limit, so vitest's own timeout never fires before the runner's. */
  timeoutMs: number;
}

const START_TIMEOUT_MS = 60_000;
const MARGIN_MS = 10_000;

/** Defines the suite of the notebook at `path` with its code `cells`. */
export function defineNotebookSuite(path: string, cells: readonly SuiteCell[]): void {
  describe(basename(path), () => {
    let session: NotebookSession | undefined;
    beforeAll(async () => {
      session = await NotebookSession.open(path, await optionsFromEnv());
    }, START_TIMEOUT_MS);
    afterAll(async () => {
      if (!session) return;
      try {
        const late = await session.settle();
        if (late.length > 0) throw new Error(late.join('\n\n'));
      } finally {
        await session.close();
      }
    }, START_TIMEOUT_MS);
    for (const cell of cells) {
      test(
        cell.name,
        async (context) => {
          if (!session) throw new Error(`${path}: the notebook did not open`);
          const outcome = await session.runCell(cell.number);
          if (outcome.status === 'skipped') context.skip(outcome.reason);
          if (outcome.error) {
            outcome.error.stack = outcome.error.message;
            throw outcome.error;
          }
        },
        cell.timeoutMs + MARGIN_MS,
      );
    }
  });
}

/** Defines a suite with one failing test for a notebook that cannot be read. */
export function defineBrokenNotebookSuite(path: string, message: string): void {
  describe(basename(path), () => {
    test('notebook is valid', () => {
      const error = new Error(message);
      error.stack = message;
      throw error;
    });
  });
}
