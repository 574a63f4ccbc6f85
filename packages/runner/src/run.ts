/**
 * Running whole notebooks without a test framework: one session per notebook, several notebooks
 * at once. Used by `npm start -- --execute` and by the benchmark; `npm test` goes through vitest.
 */
import type { Notebook } from '@scalable-ts/notebook';
import { KernelPool, type AcquiredKernel } from './kernels.js';
import { NotebookTestRun, type CellOutcome, type ExerciseOutcome, type SessionOptions } from './session.js';

/** How one notebook's run ended. */
export interface NotebookOutcome {
  path: string;
  /** One entry per code cell; empty when the notebook could not be opened. */
  cells: CellOutcome[];
  /** One entry per exercise: starter ⇒ a check fails, solution ⇒ all pass. */
  exercises: ExerciseOutcome[];
  /** The notebook with fresh outputs (undefined when it could not be opened). */
  notebook?: Notebook;
  /** Why the notebook could not be opened or run (a bad file, an unknown kernel…). */
  error?: Error;
  /** Unhandled errors reported after the last cells finished. */
  lateErrors: string[];
  /** How its kernel started: warm or not, attempts, start failures that were retried (see `kernels.ts`). */
  kernelStart?: Omit<AcquiredKernel, 'kernel'>;
  ms: number;
}

/** Whether every cell and exercise passed or was skipped, and nothing else went wrong. */
export function succeeded(outcome: NotebookOutcome): boolean {
  return (
    !outcome.error &&
    outcome.lateErrors.length === 0 &&
    outcome.cells.every((cell) => cell.status !== 'failed') &&
    outcome.exercises.every((exercise) => exercise.status !== 'failed')
  );
}

/** Runs every code cell of the notebook at `path` in a fresh kernel. Never throws. */
export async function runNotebook(path: string, options: SessionOptions = {}): Promise<NotebookOutcome> {
  const started = performance.now();
  let session: NotebookTestRun | undefined;
  try {
    session = await NotebookTestRun.open(path, options);
    const cells: CellOutcome[] = [];
    for (const ref of session.cells) cells.push(await session.runCell(ref.number));
    const exercises: ExerciseOutcome[] = [];
    for (const ref of session.exercises) exercises.push(await session.proveExercise(ref.number));
    const lateErrors = await session.settle();
    await session.close();
    return { path, cells, exercises, notebook: session.updatedNotebook(), lateErrors, kernelStart: session.kernelStart, ms: performance.now() - started };
  } catch (error) {
    await session?.close().catch(() => {});
    return { path, cells: [], exercises: [], error: error as Error, lateErrors: [], ms: performance.now() - started };
  }
}

/**
 * Runs notebooks with at most `jobs` at once; outcomes come back in the order of `paths`.
 * Warm kernels are on unless `warmKernels: false`: each job starts its next kernel while its
 * current notebook runs, and the spares are shut down before this returns.
 */
export async function runNotebooks(paths: readonly string[], options: SessionOptions & { jobs?: number } = {}): Promise<NotebookOutcome[]> {
  const outcomes: NotebookOutcome[] = new Array(paths.length);
  let next = 0;
  const jobs = Math.max(1, Math.min(options.jobs ?? 1, paths.length));
  // One pool per job: a spare is the next kernel of that job's queue.
  const pools = Array.from({ length: jobs }, () => new KernelPool());
  const worker = async (pool: KernelPool) => {
    for (let i = next++; i < paths.length; i = next++) {
      // No spare for the last notebook: nobody would take it.
      const warm = (options.warmKernels ?? true) && next < paths.length;
      outcomes[i] = await runNotebook(paths[i] as string, { ...options, warmKernels: warm, kernelPool: options.kernelPool ?? pool });
    }
  };
  try {
    await Promise.all(pools.map(worker));
  } finally {
    await Promise.all(pools.map((pool) => pool.close()));
  }
  return outcomes;
}
