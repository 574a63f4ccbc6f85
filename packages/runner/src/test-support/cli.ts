/**
 * Runs `scripts/test-notebooks.mjs` as a user would, and looks at the processes it leaves.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../../../scripts/test-notebooks.mjs', import.meta.url));

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
}

/** A running CLI: its process, everything it printed so far, and its exit. */
export interface RunningCli {
  pid: number;
  output(): string;
  exited: Promise<Run>;
}

/** Starts the CLI with `args` (and `env` added to this process's environment). */
export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): RunningCli {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', ...env } });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk));
  const exited = new Promise<Run>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, out })));
  return { pid: child.pid as number, output: () => out, exited };
}

/** Runs the CLI with `args` (and `env` added to this process's environment) to its exit. */
export function runCli(args: string[], onStart?: (pid: number) => void, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const running = startCli(args, env);
  onStart?.(running.pid);
  return running.exited;
}

/** The process probes of `@scalable-ts/test-support`, under the names these tests use. */
export { descendants, isAlive as alive } from '@scalable-ts/test-support';
