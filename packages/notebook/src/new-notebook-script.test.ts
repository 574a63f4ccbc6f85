// scripts/new-notebook.mjs runs against the built package, so this needs `npm run build` first
// (turbo's test task depends on build).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseNotebook } from './read.js';

const script = fileURLToPath(new URL('../../../scripts/new-notebook.mjs', import.meta.url));
const built = existsSync(fileURLToPath(new URL('../dist/index.js', import.meta.url)));
const run = async (...args: string[]) =>
  promisify(execFile)(process.execPath, [script, ...args]).then(
    ({ stdout, stderr }) => ({ status: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ status: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'new-notebook-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!built)('scripts/new-notebook.mjs (needs the built package)', () => {
  it('writes NN-topic.ipynb in the house style and says so', async () => {
    const { status, stdout } = await run('07-worker-threads', 'Worker threads', '--summary', 'Threads for CPU work.', '--dir', dir);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Created .*07-worker-threads\.ipynb \(tslab, nbformat 4\.5, 12 cells\)\./);
    const text = await readFile(join(dir, '07-worker-threads.ipynb'), 'utf8');
    const nb = parseNotebook(text, '07-worker-threads.ipynb');
    expect(nb.metadata.kernelspec?.name).toBe('tslab');
    expect(nb.cells[0]!.source[0]).toBe('# Worker threads\n');
  });

  it('makes a jslab notebook with --js', async () => {
    expect((await run('08-plain-js', 'Plain JS', '--js', '--dir', dir)).status).toBe(0);
    const nb = parseNotebook(await readFile(join(dir, '08-plain-js.ipynb'), 'utf8'), 'x');
    expect(nb.metadata.kernelspec?.name).toBe('jslab');
  });

  it('refuses to overwrite an existing notebook', async () => {
    await writeFile(join(dir, '07-x.ipynb'), 'mine');
    const { status, stderr } = await run('07-x', 'X', '--dir', dir);
    expect(status).toBe(1);
    expect(stderr).toMatch(/07-x\.ipynb already exists; not overwriting it/);
    expect(await readFile(join(dir, '07-x.ipynb'), 'utf8')).toBe('mine');
  });

  it('rejects a bad name or missing title with usage', async () => {
    for (const args of [['07-Bad_Name', 'X'], ['07-x']]) {
      const { status, stderr } = await run(...args, '--dir', dir);
      expect(status).toBe(2);
      expect(stderr).toContain('usage: new-notebook.mjs NN-topic "Title"');
    }
    expect(await readdir(dir)).toEqual([]);
  });
});
