/**
 * The vitest suite of one notebook: a `describe` named after the file, one `test` per code cell,
 * run in order against one kernel started in `beforeAll`. This is what an `.ipynb` file becomes
 * when the {@link notebookTests} plugin loads it.
 */
import { basename } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { DEFAULT_KERNEL_START_SECONDS } from '../kernels.js';
import { NotebookTestRun } from '../session.js';
import { ENV, optionsFromEnv } from './env.js';

/** A cell as the plugin describes it at collection time. */
export interface SuiteCell {
  number: number;
  name: string;
  /** The cell's time limit, so vitest's own timeout never fires before the runner's. */
  timeoutMs: number;
}

const MARGIN_MS = 10_000;
/** Opening the notebook may take two kernel starts (one retry), each up to the start limit. */
const openTimeoutMs = () => 2 * 1000 * (Number(process.env[ENV.kernelStartTimeout]) || DEFAULT_KERNEL_START_SECONDS) + MARGIN_MS;
const CLOSE_TIMEOUT_MS = 60_000;

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
      // A retried kernel start passes, but says so: under load it is the first sign of trouble.
      for (const note of session.kernelStart.notes) console.warn(`${path}: ${note}`);
    }, openTimeoutMs());
    afterAll(async () => {
      if (!session) return;
      try {
        const late = await session.settle();
        for (const text of session.unchecked) console.warn(`not checked (check: none): ${text}`);
        if (late.length > 0) throw new Error(late.join('\n\n'));
      } finally {
        await session.close();
      }
    }, CLOSE_TIMEOUT_MS);
    /** A test that runs `step` on the session and reports its outcome: skipped with the reason, or failed with the whole story. */
    const judged =
      (step: (session: NotebookTestRun) => Promise<{ status: string; reason?: string; error?: Error; unchecked?: Error }>) =>
      async (context: { skip(note?: string): void }) => {
        if (!session) throw new Error(`${path}: the notebook did not open`);
        const outcome = await step(session);
        // `--check none`: the failure is reported, not counted.
        if (outcome.unchecked) console.warn(`not checked (check: none): ${outcome.unchecked.message}`);
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
