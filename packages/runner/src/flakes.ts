/**
 * Flake hunting: the same notebooks run N times (a fresh kernel each time), optionally beside K
 * CPU-bound busy processes, and a per-cell tally of which runs failed and how.
 *
 * {@link FlakeTally} collects one record per test per run and prints, for every cell that failed
 * at least once, `failed k of N runs` and each distinct failure (the differing output's diff)
 * with the runs that produced it. {@link startLoad} starts the busy processes; each is tied to
 * this process by a pipe on its stdin, so none outlives the run, not even after a SIGKILL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { RunnerOptionError } from './errors.js';

/** How a test ended in one run. */
export type RunStatus = 'passed' | 'failed' | 'skipped';

/** One cell (or notebook-level test) over all runs. */
export interface FlakeRow {
  notebook: string;
  test: string;
  /** Runs in which it passed, failed, was skipped. */
  passed: number;
  failed: number;
  skipped: number;
  /** Each distinct failure message and the runs (1-based) that produced it, most frequent first. */
  failures: { message: string; runs: number[] }[];
}

/** The tally of a repeated run. */
export class FlakeTally {
  readonly #rows = new Map<string, FlakeRow>();
  #runs = 0;

  /** How many runs were recorded. */
  get runs(): number {
    return this.#runs;
  }

  /** Starts run number `runs + 1`; later {@link record}s belong to it. */
  beginRun(): number {
    return ++this.#runs;
  }

  /** Records how `test` of `notebook` ended in the current run. */
  record(notebook: string, test: string, status: RunStatus, message?: string): void {
    const key = `${notebook}\0${test}`;
    const row = this.#rows.get(key) ?? { notebook, test, passed: 0, failed: 0, skipped: 0, failures: [] };
    this.#rows.set(key, row);
    row[status]++;
    if (status !== 'failed') return;
    const text = (message ?? '(no message)').trimEnd();
    const same = row.failures.find((f) => f.message === text);
    if (same) same.runs.push(this.#runs);
    else row.failures.push({ message: text, runs: [this.#runs] });
  }

  /** Every test, in the order first recorded. */
  rows(): FlakeRow[] {
    return [...this.#rows.values()].map((row) => ({ ...row, failures: [...row.failures].sort((a, b) => b.runs.length - a.runs.length) }));
  }

  /** Tests that failed in at least one run. */
  flaky(): FlakeRow[] {
    return this.rows().filter((row) => row.failed > 0);
  }

  /** The report: a line per failing cell, then its distinct failures; or that every cell held. */
  report(load = 0): string {
    const beside = load > 0 ? ` beside ${load} busy process${load === 1 ? '' : 'es'}` : '';
    const failing = this.flaky();
    const cells = this.rows().length;
    if (failing.length === 0) return `Flake hunt: ${this.#runs} run${this.#runs === 1 ? '' : 's'}${beside}: all ${cells} cells held in every run.`;
    const lines = [`Flake hunt: ${this.#runs} runs${beside}: ${failing.length} of ${cells} cells failed at least once.`];
    for (const row of failing) {
      lines.push('', `${row.notebook} › ${row.test}: failed ${row.failed} of ${this.#runs} runs${row.skipped ? ` (skipped in ${row.skipped})` : ''}`);
      for (const failure of row.failures) {
        const runs = failure.runs.length === 1 ? `run ${failure.runs[0]}` : `runs ${failure.runs.join(', ')}`;
        lines.push(`  ${runs}:`, ...failure.message.split('\n').map((line) => `    ${line}`));
      }
    }
    return lines.join('\n');
  }
}

/** Checks a `--repeat` or `--load` count. */
export function parseCount(value: unknown, name: string, min: number): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min) throw new RunnerOptionError(`${name} must be an integer >= ${min}, got ${JSON.stringify(value)}`);
  return n;
}

// Spins in 50 ms slices so that the end of stdin (this process gone) is noticed between them.
const BUSY = `process.stdin.on('end', () => process.exit(0)); process.stdin.on('error', () => process.exit(0)); process.stdin.resume();
(function spin() { const end = Date.now() + 50; while (Date.now() < end); setImmediate(spin); })();`;

/** CPU-bound busy processes running beside a suite. */
export interface Load {
  readonly pids: readonly number[];
  /** Kills them and waits until they have exited. Safe to call more than once. */
  stop(): Promise<void>;
}

/** Starts `count` busy processes (none for 0). */
export function startLoad(count: number): Load {
  const children: ChildProcess[] = Array.from({ length: count }, () => spawn(process.execPath, ['-e', BUSY], { stdio: ['pipe', 'ignore', 'ignore'] }));
  const exited = children.map((child) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()))));
  for (const child of children) child.stdin?.on('error', () => {});
  return {
    pids: children.map((child) => child.pid as number),
    async stop() {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await Promise.all(exited);
    },
  };
}
