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
 */
import { dirname } from 'node:path';
import { Kernel, KernelClosedError, KernelDiedError, type ExecuteResult } from '@scalable-ts/kernel';
import {
  codeCells,
  compareOutputs,
  kernelNameOf,
  readNotebook,
  sourceText,
  writeNotebook,
  type Cell,
  type Notebook,
  type Output,
  type Sanitizer,
} from '@scalable-ts/notebook';
import { CellFailure } from './errors.js';
import { errorText, failureMessage, sourceHeadline } from './report.js';
import { builtInSanitizers, findProjectRoot, notebookSanitizers } from './sanitizers.js';
import { cellPolicy } from './tags.js';
import { cellTimeoutMs } from './timeouts.js';

/** Options of a notebook run. */
export interface SessionOptions {
  /** Write the fresh outputs back into the notebook instead of comparing them. */
  update?: boolean;
  /** Compare committed outputs with fresh ones (default true; update mode never compares). */
  check?: boolean;
  /** The default time limit of a cell, in seconds (metadata may set its own). */
  timeoutSeconds?: number;
  /** How long an interrupted cell may take to stop before its kernel is killed. Default 5 s. */
  graceMs?: number;
  /** Project sanitizers (from `--sanitize-with`), applied after the built-in ones. */
  sanitizers?: readonly Sanitizer[];
  /** How long to wait after the last cell for errors its async work may still report. Default 200 ms. */
  settleMs?: number;
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
  /** The failure, with the whole story in its message. */
  error?: CellFailure;
  outputs: Output[];
  ms: number;
}

const UNHANDLED = /^(?:UnhandledPromiseRejection|UncaughtException):/m;

/** The code cells of `notebook`, numbered and named for tests. */
export function cellRefs(notebook: Notebook): CellRef[] {
  return codeCells(notebook).map(({ index, codeIndex, cell }) => ({
    number: codeIndex,
    index,
    name: `[${codeIndex}] ${sourceHeadline(sourceText(cell))}`,
    cell,
  }));
}

/** A notebook open for running, with its own kernel. */
export class NotebookSession {
  readonly path: string;
  readonly notebook: Notebook;
  readonly cells: readonly CellRef[];
  readonly #kernel: Kernel;
  readonly #options: SessionOptions;
  readonly #sanitizers: Sanitizer[];
  readonly #requestCell = new Map<string, number>();
  readonly #late: { cell: number; text: string }[] = [];
  readonly #fresh = new Map<number, { outputs: Output[]; executionCount: number | null }>();
  #deadAt: number | undefined;
  #closed = false;
  /** The next cell to run. */
  #next = 1;

  private constructor(path: string, notebook: Notebook, kernel: Kernel, options: SessionOptions, sanitizers: Sanitizer[]) {
    this.path = path;
    this.notebook = notebook;
    this.cells = cellRefs(notebook);
    this.#kernel = kernel;
    this.#options = options;
    this.#sanitizers = sanitizers;
    kernel.onLateOutput(({ requestId, outputs }) => {
      const text = errorText(outputs);
      const cell = this.#requestCell.get(requestId);
      if (cell !== undefined && UNHANDLED.test(text)) this.#late.push({ cell, text });
    });
  }

  /**
   * Reads and validates the notebook at `path` and starts its kernel.
   * @throws `NotebookFormatError` for a bad file, `UnknownKernelError`, `KernelStartError`.
   */
  static async open(path: string, options: SessionOptions = {}): Promise<NotebookSession> {
    const notebook = await readNotebook(path);
    const kernelName = kernelNameOf(notebook, path);
    const sanitizers = [...builtInSanitizers(findProjectRoot(dirname(path))), ...(options.sanitizers ?? []), ...notebookSanitizers(notebook, path)];
    const kernel = await Kernel.start({ kernelName, cwd: dirname(path) });
    return new NotebookSession(path, notebook, kernel, options, sanitizers);
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

  async #run(number: number): Promise<CellOutcome> {
    const ref = this.cells[number - 1] as CellRef;
    const policy = cellPolicy(ref.cell);
    const committed = ref.cell.cell_type === 'code' ? ref.cell : undefined;
    if (policy.skip) return { number, status: 'skipped', reason: 'tagged to skip', outputs: committed?.outputs ?? [], ms: 0 };
    if (this.#deadAt !== undefined) {
      return { number, status: 'skipped', reason: `the kernel died in cell [${this.#deadAt}]`, outputs: [], ms: 0 };
    }
    const source = sourceText(ref.cell);
    const fail = (outputs: Output[], ms: number, headline: string, detail = ''): CellOutcome => ({
      number,
      status: 'failed',
      reason: headline,
      error: new CellFailure(this.path, number, headline, failureMessage(this.path, number, source, headline, detail)),
      outputs,
      ms,
    });

    const limitMs = cellTimeoutMs(this.notebook, ref.cell, this.#options.timeoutSeconds, this.path);
    const late = this.#late.splice(0);
    const started = performance.now();
    let timedOut = false;
    let killTimer: NodeJS.Timeout | undefined;
    const limitTimer = setTimeout(() => {
      timedOut = true;
      this.#kernel.interrupt();
      killTimer = setTimeout(() => void this.#kernel.shutdown(), this.#options.graceMs ?? 5000);
    }, limitMs);
    let result: ExecuteResult;
    try {
      result = await this.#kernel.execute(source);
    } catch (error) {
      this.#deadAt = number;
      const ms = performance.now() - started;
      const outputs = ((error as { outputs?: Output[] }).outputs ?? []) as Output[];
      if (timedOut && error instanceof KernelClosedError) {
        return fail(outputs, ms, `timed out after ${limitMs / 1000} s; the kernel ignored the interrupt and was killed`);
      }
      if (error instanceof KernelDiedError) return fail(outputs, ms, error.message.split('\n')[0] ?? 'the kernel died', errorText(outputs));
      throw error;
    } finally {
      clearTimeout(limitTimer);
      clearTimeout(killTimer);
    }
    this.#requestCell.set(result.requestId, number);
    this.#fresh.set(ref.index, { outputs: result.outputs, executionCount: result.executionCount });
    const ms = result.ms;
    const stderr = errorText(result.outputs);

    if (timedOut) return fail(result.outputs, ms, `timed out after ${limitMs / 1000} s and was interrupted`, stderr);
    if (result.status === 'error' && !policy.raises) return fail(result.outputs, ms, 'the kernel reported an error', stderr);
    if (result.status === 'ok' && policy.raises) return fail(result.outputs, ms, 'was tagged raises-exception but ran without error');
    if (!policy.raises && UNHANDLED.test(stderr)) return fail(result.outputs, ms, 'an unhandled error was reported while this cell ran', stderr);
    const earlier = late[0];
    if (earlier) return fail(result.outputs, ms, `cell [${earlier.cell}] raised an unhandled error after it finished`, earlier.text);

    if (this.#options.check !== false && !this.#options.update && !policy.ignoreOutput && committed && committed.execution_count !== null) {
      const { equal, diff } = compareOutputs(committed.outputs, result.outputs, this.#sanitizers);
      if (!equal) return fail(result.outputs, ms, 'its outputs differ from the committed ones', diff);
    }
    return { number, status: 'passed', outputs: result.outputs, ms };
  }

  /**
   * Waits `settleMs` for async work of the last cells, then returns the unhandled errors they
   * reported after finishing (empty when all is well).
   */
  async settle(): Promise<string[]> {
    if (this.#deadAt === undefined && !this.#closed) {
      await new Promise((resolve) => setTimeout(resolve, this.#options.settleMs ?? 200));
    }
    return this.#late.splice(0).map(({ cell, text }) => `${this.path}: cell [${cell}] raised an unhandled error after it finished\n${text}`);
  }

  /** In update mode, writes the fresh outputs back (atomically); then shuts the kernel down. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      if (this.#options.update && this.#fresh.size > 0) await writeNotebook(this.path, this.updatedNotebook());
    } finally {
      await this.#kernel.shutdown();
    }
  }

  /** The notebook with the outputs and execution counts of this run in place of the committed ones. */
  updatedNotebook(): Notebook {
    return {
      ...this.notebook,
      cells: this.notebook.cells.map((cell, index) => {
        const fresh = this.#fresh.get(index);
        return fresh && cell.cell_type === 'code' ? { ...cell, outputs: fresh.outputs, execution_count: fresh.executionCount } : cell;
      }),
    };
  }
}
