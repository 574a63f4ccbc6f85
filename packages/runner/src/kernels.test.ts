import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KernelStartError } from '@scalable-ts/kernel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KernelPool } from './kernels.js';
import { runNotebooks, succeeded } from './run.js';
import { notebookJson, scratch, stdout } from './test-support/notebooks.js';

let dir: Awaited<ReturnType<typeof scratch>>;
beforeAll(async () => {
  dir = await scratch();
});
afterAll(async () => {
  await dir.remove();
});

/** Ids of the kernel processes this process started that are still running. */
async function kernelChildren(): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && (await readFile(`/proc/${entry}/cmdline`, 'utf8')).includes('kernel-host')) found.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return found.sort((a, b) => a - b);
}

/** Polls until `predicate` holds (the test's time limit bounds the wait). */
async function until(predicate: () => Promise<boolean>): Promise<void> {
  while (!(await predicate())) await new Promise((resolve) => setTimeout(resolve, 50));
}

const noKernelsLeft = () => until(async () => (await kernelChildren()).length === 0);

// Several kernel starts each: generous limits for a loaded machine (these are not speed checks).
const SLOW = 240_000;

/**
 * An environment whose kernel processes preload `script` (through NODE_OPTIONS), which exits the
 * process before tslab starts on the first `failures` starts, and lets later starts through.
 */
async function dyingStarts(name: string, failures: number): Promise<NodeJS.ProcessEnv> {
  const counter = join(dir.dir, `${name}.count`);
  const script = join(dir.dir, `${name}.cjs`);
  await writeFile(
    script,
    `const fs = require('node:fs');
const n = fs.existsSync(${JSON.stringify(counter)}) ? Number(fs.readFileSync(${JSON.stringify(counter)}, 'utf8')) : 0;
fs.writeFileSync(${JSON.stringify(counter)}, String(n + 1));
if (n < ${failures}) { process.stderr.write('preload: dying on start ' + (n + 1) + '\\n'); process.exit(3); }
`,
  );
  return { ...process.env, NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --require ${script}`.trim() };
}

describe('KernelPool', () => {
  it('hands out a warm spare once, never twice, shuts it down for another kind of kernel, and on close', async () => {
    const pool = new KernelPool();
    const request = { kernelName: 'tslab', cwd: dir.dir };
    const first = await pool.acquire(request, { warm: true });
    expect(first).toMatchObject({ warm: false, attempts: 1, notes: [] });
    const second = await pool.acquire(request, { warm: true });
    expect(second.warm).toBe(true);
    expect(second.kernel.pid).not.toBe(first.kernel.pid);
    expect((await second.kernel.execute('6 * 7')).outputs).toEqual([{ output_type: 'stream', name: 'stdout', text: '42\n' }]);
    // A spare is starting now; a notebook that needs jslab gets its own kernel, and the spare goes.
    expect((await kernelChildren()).length).toBe(3);
    const other = await pool.acquire({ kernelName: 'jslab', cwd: dir.dir }, { warm: true });
    expect(other).toMatchObject({ warm: false, attempts: 1 });
    expect(other.kernel.spec.name).toBe('jslab');
    // The tslab spare is gone: the three kernels handed out and the jslab spare remain.
    await until(async () => {
      const pids = await kernelChildren();
      return pids.length === 4 && [first, second, other].every((a) => pids.includes(a.kernel.pid as number));
    });
    // close() ends the jslab spare, and a closed pool starts no more.
    await pool.close();
    await Promise.all([first, second, other].map((a) => a.kernel.shutdown()));
    await noKernelsLeft();
  }, SLOW);

  it('retries a kernel that dies while starting once, and says so', async () => {
    const pool = new KernelPool();
    const env = await dyingStarts('once', 1);
    const acquired = await pool.acquire({ kernelName: 'tslab', cwd: dir.dir, env });
    expect(acquired.attempts).toBe(2);
    expect(acquired.notes).toEqual([expect.stringMatching(/^kernel start failed \(attempt 1 of 2\): The tslab kernel exited during start-up \(code 3, signal null\); starting another$/)]);
    expect((await acquired.kernel.execute('"up"')).status).toBe('ok');
    await acquired.kernel.shutdown();
  }, SLOW);

  it('fails with both attempts named when the retry dies too', async () => {
    const pool = new KernelPool();
    const env = await dyingStarts('twice', 2);
    const error = await pool.acquire({ kernelName: 'tslab', cwd: dir.dir, env }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KernelStartError);
    expect((error as Error).message).toMatch(/exited during start-up \(code 3, signal null\) \(attempt 2 of 2; attempt 1: The tslab kernel exited during start-up \(code 3/);
    expect((error as Error).message).toContain('preload: dying on start 2');
    expect(existsSync(join(dir.dir, 'twice.count'))).toBe(true);
  });
});

describe('runNotebooks with warm kernels', () => {
  it('runs each notebook in its own kernel, the later ones on warm spares', async () => {
    const paths = await Promise.all(
      ['a', 'b', 'c'].map((name) => dir.write(`warm-${name}.ipynb`, notebookJson([{ source: 'const g = globalThis as { mark?: number };\nconst seen = typeof g.mark;\ng.mark = 1;\nseen', outputs: [stdout('undefined\n')] }]))),
    );
    const outcomes = await runNotebooks(paths, { jobs: 1 });
    // Each notebook saw a kernel no other notebook had touched: the mark is never there.
    expect(outcomes.map(succeeded)).toEqual([true, true, true]);
    expect(outcomes.map((o) => o.kernelStart)).toEqual([false, true, true].map((warm) => ({ warm, attempts: 1, notes: [] })));
    await noKernelsLeft();
  }, SLOW);
});
