/**
 * The kernel's operating-system process: spawned through `kernel-host.cjs` with a pipe on stdin
 * that ties its life to ours, the tail of its stderr kept for error messages, and every live one
 * killed when this process exits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// `../dist/` from both `src/` (tests) and `dist/` (the build) names the compiled host.
const HOST = fileURLToPath(new URL('../dist/kernel-host.cjs', import.meta.url));
const STDERR_TAIL = 8 * 1024;
// Node 25 and later turn Web Storage on by default, and then merely looking at `localStorage`
// (msw and other libraries check `typeof localStorage`) writes "ExperimentalWarning: localStorage
// is not available because --localstorage-file was not provided" to the cell's stderr. Off, as it
// is on Node 22 (which knows the flag since 22.4): a cell's output is the same on every Node.
const NODE_FLAGS = ['--no-experimental-webstorage'];

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
}

/** How a kernel process ended. */
export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A spawned kernel process. */
export interface KernelProcess {
  readonly child: ChildProcess;
  /** Settles when the process has exited. */
  readonly exited: Promise<ExitStatus>;
  /** The last few kilobytes the process wrote outside any cell (stdout and stderr). */
  stderrTail(): string;
}

/** Spawns tslab's kernel for `connectionFile` in `cwd`. */
export function spawnKernel(connectionFile: string, options: { js: boolean; cwd: string; env?: NodeJS.ProcessEnv }): KernelProcess {
  installExitHook();
  const args = [...NODE_FLAGS, HOST, connectionFile, ...(options.js ? ['--js'] : [])];
  const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
  live.add(child);
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-STDERR_TAIL);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.stdin?.on('error', () => {});
  const exited = new Promise<ExitStatus>((resolve) => {
    child.once('error', (error) => {
      keep(Buffer.from(String(error)));
      live.delete(child);
      resolve({ code: null, signal: null });
    });
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve({ code, signal });
    });
  });
  return { child, exited, stderrTail: () => tail.trim() };
}
