// Notebook 14-scaling-out starts a PostgreSQL server, cluster workers and queue workers. This test
// proves that none of them, and no data folder, outlives the notebook: after a full run (the last
// cell stops everything), and after a run cut short before that cell, where only the kernel's exit
// is left to clean up. Every process the notebook starts inherits TMPDIR, which the test points at
// a fresh folder, so /proc/<pid>/environ names exactly this run's processes (Linux only).
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNotebook } from '@scalable-ts/runner';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const notebooks = join(import.meta.dirname, '..', '..');
const notebook = join(notebooks, '14-scaling-out.ipynb');
const savedTmp = process.env.TMPDIR;
let runTmp = '';

async function processesOf(tmp: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    const environ = await readFile(`/proc/${pid}/environ`, 'utf8').catch(() => '');
    if (environ.split('\0').includes(`TMPDIR=${tmp}`)) {
      const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
      found.push(`${pid}: ${cmdline.replaceAll('\0', ' ')}`);
    }
  }
  return found;
}

const failedCells = (outcome: Awaited<ReturnType<typeof runNotebook>>) =>
  outcome.cells.filter((cell) => cell.status === 'failed').map((cell) => cell.number);

/** What is left of this run once things have had `ms` to stop. */
async function leftovers(ms = 20_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const left = { processes: await processesOf(runTmp), folders: await readdir(runTmp) };
    const clean = left.processes.length === 0 && left.folders.length === 0;
    if (clean || Date.now() > deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

beforeEach(async () => {
  runTmp = await mkdtemp(join(tmpdir(), 'scaling-cleanup-'));
  await chmod(runTmp, 0o755); // as root, postgres runs as the postgres user and must enter it
  process.env.TMPDIR = runTmp;
});
afterEach(async () => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  await rm(runTmp, { recursive: true, force: true });
});

describe.skipIf(process.platform !== 'linux')('14-scaling-out leaves nothing running', () => {
  it('after a full run', async () => {
    const outcome = await runNotebook(notebook, { timeoutSeconds: 120 });
    expect(outcome.error).toBeUndefined();
    expect(failedCells(outcome)).toEqual([]);
    expect(await leftovers()).toEqual({ processes: [], folders: [] });
  }, 240_000);

  it('after the kernel exits without the clean-up cell', async () => {
    const full = JSON.parse(await readFile(notebook, 'utf8'));
    const lastStarted = full.cells.findIndex((cell: { source: string[] }) =>
      cell.source.join('').includes('const queueWorkers ='));
    expect(lastStarted).toBeGreaterThan(0);
    // The cells up to the one that starts the queue workers, and one more that starts a cluster
    // and leaves it running: the kernel then exits with a server, queue workers and cluster workers.
    const extra = {
      cell_type: 'code', id: 'exit-test', metadata: {}, execution_count: null, outputs: [],
      source: [
        'await db.query("create table if not exists sessions (sid text primary key, username text)");\n',
        'const left = await startCluster("db");',
      ],
    };
    const cut = { ...full, cells: [...full.cells.slice(0, lastStarted + 1), extra] };
    const path = join(notebooks, `.scaling-exit-test-${process.pid}.ipynb`);
    await writeFile(path, JSON.stringify(cut));
    try {
      const outcome = await runNotebook(path, { timeoutSeconds: 120 });
      expect(outcome.error).toBeUndefined();
      expect(failedCells(outcome)).toEqual([]);
      const codeCells = cut.cells.filter((cell: { cell_type: string }) => cell.cell_type === 'code');
      expect(outcome.cells.length).toBe(codeCells.length);
    } finally {
      await rm(path, { force: true });
    }
    expect(await leftovers()).toEqual({ processes: [], folders: [] });
  }, 240_000);
});
