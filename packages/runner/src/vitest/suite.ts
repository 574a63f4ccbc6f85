/**
 * The vitest suite of one notebook: a `describe` named after the file, one `test` per code cell,
 * run in order against one kernel started in `beforeAll`. This is what an `.ipynb` file becomes
 * when the {@link notebookTests} plugin loads it.
 */
import { basename } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { NotebookTestRun } from '../session.js';
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

/** An exercise as the plugin describes it: its test comes right after code cell `after`. */
export interface SuiteExercise {
  number: number;
  /** `[exercise N] title`. */
  name: string;
  after: number;
}

/** Defines the suite of the notebook at `path` with its code `cells` and `exercises`. */
export function defineNotebookSuite(path: string, cells: readonly SuiteCell[], exercises: readonly SuiteExercise[] = []): void {
  describe(basename(path), () => {
    let session: NotebookTestRun | undefined;
    beforeAll(async () => {
      session = await NotebookTestRun.open(path, await optionsFromEnv());
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
    /** A test that runs `step` on the session and reports its outcome: skipped with the reason, or failed with the whole story. */
    const judged =
      (step: (session: NotebookTestRun) => Promise<{ status: string; reason?: string; error?: Error }>) =>
      async (context: { skip(note?: string): void }) => {
        if (!session) throw new Error(`${path}: the notebook did not open`);
        const outcome = await step(session);
        if (outcome.status === 'skipped') context.skip(outcome.reason);
        if (outcome.error) {
          outcome.error.stack = outcome.error.message;
          throw outcome.error;
        }
      };
    for (const cell of cells) {
      test(cell.name, judged((s) => s.runCell(cell.number)), cell.timeoutMs + MARGIN_MS);
      for (const exercise of exercises.filter((e) => e.after === cell.number)) {
        // The proof itself ran with the solution cell (whose limit includes it); this may run the cells before.
        test(exercise.name, judged((s) => s.proveExercise(exercise.number)), cell.timeoutMs + MARGIN_MS);
      }
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
