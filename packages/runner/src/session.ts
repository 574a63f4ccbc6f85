/**
 * One notebook being run as a test: its kernel, its cells, and what each produced.
 *
 * How it works: `open` reads and validates the notebook and starts a fresh kernel of the
 * notebook's kernelspec in the notebook's folder. `runCell` runs one code cell under its time
 * limit (interrupt at the limit, kill after a grace period) and judges it: from tslab's reply
 * status (tslab never sends an iopub `error`), from the tags, from "Unhandled…" reports on
 * stderr, and by comparing the committed outputs with the fresh ones after sanitizing.
 * Cells run in order; a dead kernel skips the rest. `close` writes the fresh outputs back in
 * update mode (atomically) and shuts the kernel down.
 *
 * Exercises (see `exercises.ts`): the checks after an untouched starter must fail with at least
 * one failing check (and then count as passed); right after the solution has run, the session
 * runs the checks' source once more in the same kernel, and every check must pass. Those extra
 * executions are left out of the execution counts written in update mode.
 */
import { dirname } from 'node:path';
import { checksResultOf, type ChecksResult } from '@scalable-ts/exercises';
import { KernelClosedError, KernelDiedError, LateOutputRouter, type ExecuteResult, type Kernel } from '@scalable-ts/kernel';
import {
  cellPolicy,
  codeCells,
  compareOutputs,
  firstLine,
  kernelNameOf,
  readNotebook,
  sourceHeadline,
  sourceText,
  withOutputs,
  writeNotebook,
  type Cell,
  type CellRun,
  type Notebook,
  type Output,
  type Sanitizer,
} from '@scalable-ts/notebook';
import semver from 'semver';
import { CellFailure, ExerciseFailure } from './errors.js';
import { writeArtifacts, type ArtifactFailure } from './artifacts.js';
import { checkModeOf, type CheckMode } from './check.js';
import { coverageEnv } from './coverage.js';
import { exercisesOf, type ExerciseRef } from './exercises.js';
import { kernelPool, type AcquiredKernel, type KernelPool } from './kernels.js';
import { displayPath, errorText, failureMessage } from './report.js';
import { builtInSanitizers, findProjectRoot, notebookSanitizers } from './sanitizers.js';
import { cellTimeoutMs } from './timeouts.js';

/** Options of a notebook run. */
export interface SessionOptions {
  /** Write the fresh outputs back into the notebook instead of comparing them. */
  update?: boolean;
  /**
   * `outputs` (compare committed outputs), `errors` (only errors fail), `none` (only kernel death
   * and time-outs fail); default: the notebook's metadata `scalable_ts.check`, else `outputs` (see
   * `check.ts`). `false` is `errors`. Update mode never compares.
   */
  check?: CheckMode | boolean;
  /** The default time limit of a cell, in seconds (metadata may set its own). */
  timeoutSeconds?: number;
  /** How long an interrupted cell may take to stop before its kernel is killed. Default 5 s. */
  graceMs?: number;
  /** Project sanitizers (from `--sanitize-with`), applied after the built-in ones. */
  sanitizers?: readonly Sanitizer[];
  /** How long to wait after the last cell for errors its async work may still report. Default 200 ms. */
  settleMs?: number;
  /** How long a kernel may take to answer its first `kernel_info_request`, per attempt (one retry). Default 60 s. */
  kernelStartSeconds?: number;
  /** Start the next notebook's kernel while this one runs (see `kernels.ts`). Default false. */
  warmKernels?: boolean;
  /** Where kernels come from. Default: this process's {@link kernelPool}. */
  kernelPool?: KernelPool;
  /** Write the executed notebook and a failures report here when the notebook fails (see `artifacts.ts`). */
  artifactsDir?: string;
  /** The kernel, and what it starts, write V8 coverage here (see `coverage.ts`). */
  coverageDir?: string;
}

/** A code cell of the notebook, as the runner names it. */
export interface CellRef {
  /** 1-based among the code cells: what Jupyter shows as `In [n]` after a clean run. */
  number: number;
  /** Position among all cells of the notebook. */
  index: number;
  /** The test name: `[n] first line of the source`. */
  name: string;
  cell: Cell;
}

/** How one cell ended. */
export interface CellOutcome {
  number: number;
  status: 'passed' | 'failed' | 'skipped';
  /** Why it was skipped, or the headline of its failure. */
  reason?: string;
  /** What a passed cell did that is worth saying: the checks after a starter failed, as expected. */
  note?: string;
  /** The failure, with the whole story in its message. */
  error?: CellFailure;
  outputs: Output[];
  /** With `--check none`: the failure that was not counted. */
  unchecked?: CellFailure;
  ms: number;
}

/** How the proof of one exercise ended: starter ⇒ a check fails, solution ⇒ every check passes. */
export interface ExerciseOutcome {
  number: number;
  /** `[exercise N] title`. */
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  /** Why it was skipped, or the headline of its failure. */
  reason?: string;
  error?: ExerciseFailure;
  /** The checks' result after the untouched starter (at least one failed, when all is well). */
  starter?: ChecksResult;
  /** The checks' result after the solution (all passed, when all is well). */
  solution?: ChecksResult;
  /** With `--check none`: the failure that was not counted. */
  unchecked?: ExerciseFailure;
}

const UNHANDLED = /^(?:UnhandledPromiseRejection|UncaughtException):/m;

/** The code cells of `notebook`, numbered and named for tests. */
export function cellRefs(notebook: Notebook): CellRef[] {
  const checksOf = new Map(exercisesOf(notebook).flatMap((exercise) => (exercise.check ? [[exercise.check, exercise.number] as const] : [])));
  return codeCells(notebook).map(({ index, codeIndex, cell }) => {
    const exercise = checksOf.get(codeIndex);
    return {
      number: codeIndex,
      index,
      name: exercise ? `[${codeIndex}] checks of exercise ${exercise}, expected to fail on the starter` : `[${codeIndex}] ${sourceHeadline(sourceText(cell))}`,
      cell,
    };
  });
}

/**
 * Why a cell with `scalable_ts.node` is skipped on this kernel's Node (the kernel runs on this
 * process's Node binary), or `undefined` when it runs.
 * @throws `TypeError` when the range is not a valid semver range.
 */
export function nodeRangeSkip(range: unknown, version: string = process.version): string | undefined {
  if (typeof range !== 'string' || semver.validRange(range) === null) {
    throw new TypeError(`scalable_ts.node must be a semver range such as ">=26", got ${JSON.stringify(range)}`);
  }
  return semver.satisfies(version, range) ? undefined : `needs Node ${range}; the kernel runs ${version}`;
}

/** A notebook open for running, with its own kernel. */
export class NotebookTestRun {
  readonly path: string;
  readonly notebook: Notebook;
  readonly cells: readonly CellRef[];
  /** The notebook's exercises, in order. */
  readonly exercises: readonly ExerciseRef[];
  /** How the kernel started: warm or not, attempts, and the start failures that were retried. */
  readonly kernelStart: Omit<AcquiredKernel, 'kernel'>;
  /** How strictly this notebook is judged (see `check.ts`). */
  readonly check: CheckMode;
  /** With `--check none`: unhandled errors reported after the last cells, not counted. */
  readonly unchecked: string[] = [];
  /** Every failure so far (cells, exercises, errors after the last cell), for `--artifacts`. */
  readonly failures: ArtifactFailure[] = [];
  readonly #kernel: Kernel;
  readonly #options: SessionOptions;
  readonly #sanitizers: Sanitizer[];
  /** Which request ran which cell (its number), for errors reported after the cell finished. */
  readonly #requestCell = new LateOutputRouter<number>();
  readonly #late: { cell: number; text: string }[] = [];
  readonly #fresh = new Map<number, CellRun>();
  #deadAt: number | undefined;
  #closed = false;
  /** Executions that are not cells of the notebook (the checks run again after a solution). */
  #proofRuns = 0;
  /** Exercise number → the checks' result after its untouched starter, or why there is none. */
  readonly #starterChecks = new Map<number, ChecksResult | string>();
  readonly #proofs = new Map<number, ExerciseOutcome>();
  /** The next cell to run. */
  #next = 1;

  private constructor(path: string, notebook: Notebook, { kernel, ...kernelStart }: AcquiredKernel, options: SessionOptions, sanitizers: Sanitizer[]) {
    this.path = path;
    this.notebook = notebook;
    this.cells = cellRefs(notebook);
    this.exercises = exercisesOf(notebook);
    this.kernelStart = kernelStart;
    const fromOptions = options.check === false ? 'errors' : options.check === true ? undefined : options.check;
    this.check = checkModeOf(notebook, fromOptions, path);
    this.#kernel = kernel;
    this.#options = options;
    this.#sanitizers = sanitizers;
    this.#requestCell.follow(kernel, (cell, outputs) => {
      const text = errorText(outputs);
      if (UNHANDLED.test(text)) this.#late.push({ cell, text });
    });
  }

  /**
   * Reads and validates the notebook at `path` and starts its kernel.
   * @throws `NotebookFormatError` for a bad file, `UnknownKernelError`, `KernelStartError`.
   */
  static async open(path: string, options: SessionOptions = {}): Promise<NotebookTestRun> {
    const notebook = await readNotebook(path);
    const kernelName = kernelNameOf(notebook, path);
    const sanitizers = [...builtInSanitizers(findProjectRoot(dirname(path))), ...(options.sanitizers ?? []), ...notebookSanitizers(notebook, path)];
    const kernel = await (options.kernelPool ?? kernelPool).acquire(
      {
        kernelName,
        cwd: dirname(path),
        ...(options.kernelStartSeconds ? { startTimeoutMs: options.kernelStartSeconds * 1000 } : {}),
        ...(options.coverageDir ? { env: coverageEnv(options.coverageDir) } : {}),
      },
      { warm: options.warmKernels ?? false },
    );
    return new NotebookTestRun(path, notebook, kernel, options, sanitizers);
  }

  /**
   * Runs code cell `number` (1-based) and judges it. Earlier cells that have not run yet run
   * first, as Jupyter's "run to here" does, so a filtered test run (`vitest -t`) still has the
   * state the cell needs. Each cell runs once; cells cannot run backwards.
   */
  async runCell(number: number): Promise<CellOutcome> {
    if (!this.cells[number - 1]) throw new RangeError(`${this.path} has no code cell [${number}] (it has ${this.cells.length})`);
    if (number < this.#next) throw new RangeError(`${this.path}: cell [${number}] has run already; cells run in order`);
    const setupFailures: string[] = [];
    while (this.#next < number) {
      const earlier = await this.#run(this.#next++);
      if (earlier.status === 'failed') setupFailures.push(`cell [${earlier.number}] ${earlier.reason}`);
    }
    this.#next = number + 1;
    const outcome = await this.#run(number);
    if (outcome.error && setupFailures.length > 0) {
      outcome.error.message += `\n\nEarlier cells, run first to set up this one, failed too:\n${setupFailures.map((f) => `  ${f}`).join('\n')}`;
    }
    return outcome;
  }

  /**
   * The proof of exercise `number` (1-based): runs the cells up to its solution first if they
   * have not run (the proof itself runs right after the solution cell).
   */
  async proveExercise(number: number): Promise<ExerciseOutcome> {
    const exercise = this.exercises[number - 1];
    if (!exercise) throw new RangeError(`${this.path} has no exercise ${number} (it has ${this.exercises.length})`);
    const last = exercise.solution ?? exercise.check ?? exercise.starter;
    if (!this.#proofs.has(number) && this.#next <= last) await this.runCell(last);
    const proof = this.#proofs.get(number);
    if (proof) return proof;
    if (exercise.problem) return this.#exerciseFailure(exercise, exercise.problem);
    return { number, name: exercise.name, status: 'skipped', reason: 'its solution did not run' };
  }

  async #run(number: number): Promise<CellOutcome> {
    const outcome = await this.#runOne(number);
    if (outcome.error) this.#recordFailure(number, outcome);
    const exercise = this.exercises.find((e) => e.solution === number || (e.problem && e.check === number) || (e.problem && !e.check && e.starter === number));
    if (exercise) {
      const { error, ...proof } = await this.#prove(exercise, outcome);
      this.#proofs.set(exercise.number, error && this.check === 'none' ? { ...proof, status: 'passed', unchecked: error } : { ...proof, ...(error ? { error } : {}) });
      if (error && this.check !== 'none') this.failures.push({ name: exercise.name, message: error.message });
    }
    return outcome;
  }

  /** Records a failed cell, with the diff of its committed and fresh outputs when its message lacks one. */
  #recordFailure(number: number, outcome: CellOutcome): void {
    const ref = this.cells[number - 1] as CellRef;
    const committed = ref.cell.cell_type === 'code' && ref.cell.execution_count !== null ? ref.cell.outputs : undefined;
    const compared = committed && !outcome.reason?.startsWith('its outputs differ') ? compareOutputs(committed, outcome.outputs, this.#sanitizers) : undefined;
    this.failures.push({ name: ref.name, message: (outcome.error as CellFailure).message, ...(compared && !compared.equal ? { diff: compared.diff } : {}) });
  }

  async #runOne(number: number): Promise<CellOutcome> {
    const ref = this.cells[number - 1] as CellRef;
    const policy = cellPolicy(ref.cell);
    const committed = ref.cell.cell_type === 'code' ? ref.cell : undefined;
    const source = sourceText(ref.cell);
    /** A failed cell; with `--check none` only a `fatal` one (kernel death, time-out) fails. */
    const fail = (outputs: Output[], ms: number, headline: string, detail = '', fatal = false): CellOutcome => {
      const error = new CellFailure(this.path, number, headline, failureMessage(this.path, number, source, headline, detail));
      if (this.check === 'none' && !fatal) return { number, status: 'passed', note: `not checked (check: none): ${headline}`, unchecked: error, outputs, ms };
      return { number, status: 'failed', reason: headline, error, outputs, ms };
    };
    if (policy.skip) return { number, status: 'skipped', reason: 'tagged to skip', outputs: committed?.outputs ?? [], ms: 0 };
    if (policy.node !== undefined) {
      let skip: string | undefined;
      try {
        skip = nodeRangeSkip(policy.node);
      } catch (error) {
        return fail([], 0, (error as Error).message);
      }
      if (skip) return { number, status: 'skipped', reason: skip, outputs: committed?.outputs ?? [], ms: 0 };
    }
    if (this.#deadAt !== undefined) {
      return { number, status: 'skipped', reason: `the kernel died in cell [${this.#deadAt}]`, outputs: [], ms: 0 };
    }
    // The checks right after an untouched starter: they must fail, with at least one failing check.
    const exercise = policy.exercise === 'check' ? this.exercises.find((e) => e.check === number) : undefined;

    const late = this.#late.splice(0);
    const run = await this.#execute(source, cellTimeoutMs(this.notebook, ref.cell, this.#options.timeoutSeconds, this.path), number);
    if ('failure' in run) return fail(run.outputs, run.ms, run.failure, run.detail, true);
    const { result } = run;
    this.#fresh.set(ref.index, { outputs: result.outputs, executionCount: result.executionCount === null ? null : result.executionCount - this.#proofRuns });
    const ms = result.ms;
    const stderr = errorText(result.outputs);

    if (run.timedOut) return fail(result.outputs, ms, run.timedOut, stderr, true);
    let note: string | undefined;
    if (exercise) {
      const checks = checksResultOf(result.outputs);
      if (result.status === 'ok') {
        const why = `every check passed on the untouched starter of exercise ${exercise.number}: a check that cannot fail is a defect`;
        this.#starterChecks.set(exercise.number, why);
        return fail(result.outputs, ms, why);
      }
      if (!checks || checks.failed === 0) {
        const why = `the checks of exercise ${exercise.number} did not run on the starter (an error before checks() reported any)`;
        this.#starterChecks.set(exercise.number, why);
        return fail(result.outputs, ms, why, stderr);
      }
      this.#starterChecks.set(exercise.number, checks);
      note = `${checks.failed} of ${checks.total} checks failed on the untouched starter, as expected`;
    } else {
      if (result.status === 'error' && !policy.raises) return fail(result.outputs, ms, 'the kernel reported an error', stderr);
      if (result.status === 'ok' && policy.raises) return fail(result.outputs, ms, 'was tagged raises-exception but ran without error');
      if (!policy.raises && UNHANDLED.test(stderr)) return fail(result.outputs, ms, 'an unhandled error was reported while this cell ran', stderr);
    }
    const earlier = late[0];
    if (earlier) return fail(result.outputs, ms, `cell [${earlier.cell}] raised an unhandled error after it finished`, earlier.text);

    // `none` compares too, to report what differs (fail() does not count it).
    if (this.check !== 'errors' && !this.#options.update && !policy.ignoreOutput && committed && committed.execution_count !== null) {
      const { equal, diff } = compareOutputs(committed.outputs, result.outputs, this.#sanitizers);
      if (!equal) return fail(result.outputs, ms, 'its outputs differ from the committed ones', diff);
    }
    return { number, status: 'passed', ...(note ? { note } : {}), outputs: result.outputs, ms };
  }

  /**
   * Runs `source` under a time limit of `limitMs`: interrupt at the limit, kill after the grace
   * period. A dead kernel is recorded against cell `number` and reported as a failure.
   */
  async #execute(
    source: string,
    limitMs: number,
    number: number,
  ): Promise<{ result: ExecuteResult; timedOut?: string } | { failure: string; detail: string; outputs: Output[]; ms: number }> {
    const started = performance.now();
    let timedOut = false;
    let killTimer: NodeJS.Timeout | undefined;
    const limitTimer = setTimeout(() => {
      timedOut = true;
      this.#kernel.interrupt();
      killTimer = setTimeout(() => void this.#kernel.shutdown(), this.#options.graceMs ?? 5000);
    }, limitMs);
    try {
      const result = await this.#kernel.execute(source);
      this.#requestCell.remember(result.requestId, number);
      return timedOut ? { result, timedOut: `timed out after ${limitMs / 1000} s and was interrupted` } : { result };
    } catch (error) {
      this.#deadAt = number;
      const ms = performance.now() - started;
      const outputs = ((error as { outputs?: Output[] }).outputs ?? []) as Output[];
      if (timedOut && error instanceof KernelClosedError) {
        return { failure: `timed out after ${limitMs / 1000} s; the kernel ignored the interrupt and was killed`, detail: '', outputs, ms };
      }
      const died = error instanceof KernelDiedError ? firstLine(error) : undefined;
      // The interrupt at the limit can itself end a kernel stuck in native code (killed by SIGINT):
      // still a time-out, and the report says so rather than only how the kernel died.
      if (timedOut && died !== undefined) {
        return { failure: `timed out after ${limitMs / 1000} s; the kernel died on the interrupt (${died})`, detail: errorText(outputs), outputs, ms };
      }
      if (died !== undefined) return { failure: died, detail: errorText(outputs), outputs, ms };
      throw error;
    } finally {
      clearTimeout(limitTimer);
      clearTimeout(killTimer);
    }
  }

  /** Proves `exercise` right after its solution cell ran (`solved`): the checks again, all passing. */
  async #prove(exercise: ExerciseRef, solved: CellOutcome): Promise<ExerciseOutcome> {
    if (exercise.problem) return this.#exerciseFailure(exercise, exercise.problem);
    const starter = this.#starterChecks.get(exercise.number);
    const base = { number: exercise.number, name: exercise.name, ...(typeof starter === 'object' ? { starter } : {}) };
    if (solved.status === 'skipped') return { ...base, status: 'skipped', reason: `its solution, cell [${exercise.solution}], was skipped: ${solved.reason}` };
    if (starter === undefined) return { ...base, status: 'skipped', reason: `its checks, cell [${exercise.check}], were skipped` };
    if (typeof starter === 'string') return this.#exerciseFailure(exercise, `starter: ${starter}`);
    if (solved.status === 'failed') return this.#exerciseFailure(exercise, `its solution, cell [${exercise.solution}], failed: ${solved.reason}`);
    const checkRef = this.cells[(exercise.check as number) - 1] as CellRef;
    const source = sourceText(checkRef.cell);
    this.#proofRuns += 1;
    const run = await this.#execute(source, cellTimeoutMs(this.notebook, checkRef.cell, this.#options.timeoutSeconds, this.path), exercise.check as number);
    if ('failure' in run) return this.#exerciseFailure(exercise, `the checks after the solution: ${run.failure}`, run.detail);
    const { result } = run;
    const checks = checksResultOf(result.outputs);
    const lines = (checks?.checks ?? []).map((c) => `  ${c.passed ? '✔' : '✘'} ${c.name}${c.passed ? '' : `: ${c.hint ?? ''}`}`).join('\n');
    if (run.timedOut) return this.#exerciseFailure(exercise, `the checks after the solution ${run.timedOut}`, errorText(result.outputs));
    if (!checks) return this.#exerciseFailure(exercise, 'the checks after the solution reported no result (does the cell await checks(…)?)', errorText(result.outputs));
    if (result.status !== 'ok' || checks.failed > 0) {
      return { ...this.#exerciseFailure(exercise, `${checks.failed} of ${checks.total} checks failed after the solution`, lines || errorText(result.outputs)), ...base, solution: checks };
    }
    return { ...base, status: 'passed', solution: checks };
  }

  #exerciseFailure(exercise: ExerciseRef, headline: string, detail = ''): ExerciseOutcome {
    const cells = [exercise.starter, exercise.check, exercise.solution].filter((n) => n !== undefined).map((n) => `[${n}]`).join(', ');
    const message = `${displayPath(this.path)} › ${exercise.name} (cells ${cells}): ${headline}${detail ? `\n\n${detail}` : ''}`;
    return { number: exercise.number, name: exercise.name, status: 'failed', reason: headline, error: new ExerciseFailure(this.path, exercise.number, headline, message) };
  }

  /**
   * Waits `settleMs` for async work of the last cells, then returns the unhandled errors they
   * reported after finishing (empty when all is well).
   */
  async settle(): Promise<string[]> {
    if (this.#deadAt === undefined && !this.#closed) {
      await new Promise((resolve) => setTimeout(resolve, this.#options.settleMs ?? 200));
    }
    const late = this.#late.splice(0).map(({ cell, text }) => `${this.path}: cell [${cell}] raised an unhandled error after it finished\n${text}`);
    if (this.check !== 'none') {
      this.failures.push(...late.map((message) => ({ name: 'after the last cell', message })));
      return late;
    }
    this.unchecked.push(...late);
    return [];
  }

  /**
   * In update mode, writes the fresh outputs back (atomically); with `artifactsDir`, writes the
   * artefacts of a failed run; then shuts the kernel down.
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      if (this.#options.update && this.#fresh.size > 0) await writeNotebook(this.path, this.updatedNotebook());
      if (this.#options.artifactsDir && this.failures.length > 0) await writeArtifacts(this.#options.artifactsDir, this.path, this.updatedNotebook(), this.failures);
    } finally {
      await this.#kernel.shutdown();
    }
  }

  /** The notebook with the outputs and execution counts of this run in place of the committed ones. */
  updatedNotebook(): Notebook {
    return withOutputs(this.notebook, this.#fresh);
  }
}
