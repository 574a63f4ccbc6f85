/**
 * Probes for the processes a test starts (kernels, CLIs): is one still alive, which ones are left
 * below a process, and waiting for a condition about them. The process table is read from /proc
 * where there is one; elsewhere the table is empty, so "nothing left behind" holds trivially.
 */
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Whether a process with this id is alive (`undefined`: no process, so false). A zombie (state
 * `Z` in /proc: it has exited, and only waits for its parent to reap it) is not alive: signal 0
 * still reaches it, but it runs nothing and holds no resources but its table entry.
 */
export function isAlive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (macOS, Windows): signal 0 is all there is
  }
}

/**
 * Resolves once `predicate` holds, polling every 25 ms; rejects after `ms` with `what` in the
 * message. For conditions that become true at an unknown moment (a process exiting, late output).
 */
export async function eventually(predicate: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A process as /proc shows it: its id, its parent's, and its command line (arguments joined by spaces). */
export interface ProcessEntry {
  readonly pid: number;
  readonly ppid: number;
  readonly cmd: string;
}

/** Every process in /proc; `[]` where there is no /proc. */
export function processTable(): ProcessEntry[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  return entries.flatMap((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      return [{ pid: Number(pid), ppid, cmd }];
    } catch {
      return []; // exited while we looked
    }
  });
}

/** Every process below `pid` (children, their children, …). */
export function descendants(pid: number): ProcessEntry[] {
  const table = processTable();
  const found: ProcessEntry[] = [];
  const visit = (parent: number): void => {
    for (const entry of table) {
      if (entry.ppid !== parent) continue;
      found.push(entry);
      visit(entry.pid);
    }
  };
  visit(pid);
  return found;
}

/** Ids of this process's children that run `kernel-host.cjs` (the kernel package's host). */
export function kernelHostChildren(): number[] {
  return processTable()
    .filter((entry) => entry.ppid === process.pid && entry.cmd.includes('kernel-host.cjs'))
    .map((entry) => entry.pid);
}
