/** Looking for kernel processes a test might have left behind. */
import { readdirSync, readFileSync } from 'node:fs';

/** Whether a process with this id is alive. */
export function isAlive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Process ids of this process's children that run `kernel-host.cjs` (the kernel package's host),
 * read from /proc; `[]` where there is no /proc.
 */
export function kernelHostChildren(): number[] {
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
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      return ppid === process.pid && cmdline.includes('kernel-host.cjs') ? [Number(pid)] : [];
    } catch {
      return []; // exited while we looked
    }
  });
}

/** Resolves once `predicate` holds, polling; rejects after `ms`. */
export async function eventually(predicate: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
