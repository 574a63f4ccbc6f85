import * as realFs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NotebookFormatError } from './errors.js';
import { serializeNotebook } from './serialize.js';
import { sampleNotebook } from './test-support/notebooks.js';
import { writeNotebook } from './write.js';

/** The step of writeNotebook to fail at, to check that a failure leaves no trace. */
const failAt = vi.hoisted(() => ({ step: undefined as 'write' | 'sync' | 'rename' | undefined }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const fault = (step: string) => Object.assign(new Error(`injected ${step} failure`), { code: 'EIO' });
  return {
    ...fs,
    open: async (...args: Parameters<typeof fs.open>) => {
      const handle = await fs.open(...args);
      if (failAt.step === 'write') handle.writeFile = async () => Promise.reject(fault('write'));
      if (failAt.step === 'sync' && args[1] === 'wx') handle.sync = async () => Promise.reject(fault('sync'));
      return handle;
    },
    rename: async (...args: Parameters<typeof fs.rename>) =>
      failAt.step === 'rename' ? Promise.reject(fault('rename')) : fs.rename(...args),
  };
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-write-'));
});
afterEach(async () => {
  failAt.step = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('writeNotebook', () => {
  it('writes the notebook in Jupyter format and leaves no temporary file', async () => {
    const path = join(dir, '01-x.ipynb');
    await writeNotebook(path, sampleNotebook());
    expect(await readFile(path, 'utf8')).toBe(serializeNotebook(sampleNotebook()));
    expect(await readdir(dir)).toEqual(['01-x.ipynb']);
  });

  it("replaces an existing file, keeping the file's permissions", async () => {
    const path = join(dir, '01-x.ipynb');
    await writeFile(path, 'old', { mode: 0o640 });
    await realFs.chmod(path, 0o640);
    await writeNotebook(path, sampleNotebook());
    expect(await readFile(path, 'utf8')).toBe(serializeNotebook(sampleNotebook()));
    expect((await stat(path)).mode & 0o777).toBe(0o640);
  });

  it.each(['write', 'sync', 'rename'] as const)(
    'on a failure at %s, removes the temporary file and leaves the original untouched',
    async (step) => {
      const path = join(dir, '01-x.ipynb');
      await writeFile(path, 'original bytes');
      failAt.step = step;
      await expect(writeNotebook(path, sampleNotebook())).rejects.toThrow(`injected ${step} failure`);
      expect(await readFile(path, 'utf8')).toBe('original bytes');
      expect(await readdir(dir)).toEqual(['01-x.ipynb']);
    },
  );

  it('refuses an invalid notebook before touching the disk', async () => {
    const path = join(dir, '01-x.ipynb');
    await writeFile(path, 'original bytes');
    const nb = sampleNotebook();
    delete (nb.cells[0] as { source?: unknown }).source;
    const error = await writeNotebook(path, nb).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotebookFormatError);
    expect((error as Error).message).toContain(`${path}: does not match the nbformat v4.5 schema`);
    expect(await readFile(path, 'utf8')).toBe('original bytes');
    expect(await readdir(dir)).toEqual(['01-x.ipynb']);
  });

  it('fails on a missing directory without creating anything', async () => {
    await expect(writeNotebook(join(dir, 'missing', 'x.ipynb'), sampleNotebook())).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('uses a different temporary file for each concurrent write', async () => {
    const path = join(dir, '01-x.ipynb');
    await Promise.all(Array.from({ length: 5 }, () => writeNotebook(path, sampleNotebook())));
    expect(await readdir(dir)).toEqual(['01-x.ipynb']);
  });
});
