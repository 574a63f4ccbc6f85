import * as realFs from 'node:fs/promises';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { writeFileAtomic } from './atomic-write.js';

/** The file-system calls made, in order, and the step to fail at. */
const fsLog = vi.hoisted(() => ({ calls: [] as string[], failAt: undefined as 'write' | 'sync' | 'chmod' | 'rename' | undefined }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const fault = (step: string) => Object.assign(new Error(`injected ${step} failure`), { code: 'EIO' });
  const step = async <T>(name: string, call: () => Promise<T>, failing?: string): Promise<T> => {
    fsLog.calls.push(name);
    return fsLog.failAt !== undefined && fsLog.failAt === failing ? Promise.reject(fault(failing)) : call();
  };
  return {
    ...fs,
    open: async (...args: Parameters<typeof fs.open>) => {
      const kind = args[1] === 'wx' ? 'temp' : 'dir';
      const handle = await step(`open ${kind}`, () => fs.open(...args));
      const { writeFile: write, sync, close } = handle;
      handle.writeFile = (...rest: Parameters<typeof write>) => step(`write ${kind}`, () => write.apply(handle, rest), 'write');
      handle.sync = () => step(`sync ${kind}`, () => sync.apply(handle), kind === 'temp' ? 'sync' : undefined);
      handle.close = () => step(`close ${kind}`, () => close.apply(handle));
      return handle;
    },
    chmod: (...args: Parameters<typeof fs.chmod>) => step('chmod', () => fs.chmod(...args), 'chmod'),
    rename: (...args: Parameters<typeof fs.rename>) => step('rename', () => fs.rename(...args), 'rename'),
  };
});

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'base-atomic-'));
  fsLog.calls = [];
});
afterEach(async () => {
  fsLog.failAt = undefined;
  await rm(dir, { recursive: true, force: true });
});

test('replaces the file and leaves no temporary file behind', async () => {
  const file = join(dir, 'page.html');
  await writeFile(file, 'old');
  await writeFileAtomic(file, 'new');
  expect(await readFile(file, 'utf8')).toBe('new');
  expect(await readdir(dir)).toEqual(['page.html']);
});

test('on failure the old file survives and the temporary file is removed', async () => {
  const target = join(dir, 'page.html');
  await writeFile(target, 'old');
  // Renaming a file over a non-empty directory fails after the temporary file is written.
  const blocked = join(dir, 'blocked');
  await mkdir(join(blocked, 'child'), { recursive: true });
  await expect(writeFileAtomic(blocked, 'data')).rejects.toThrow();
  expect((await readdir(dir)).sort()).toEqual(['blocked', 'page.html']);
  expect(await readFile(target, 'utf8')).toBe('old');
});

test('the bytes reach the disk before the rename, and the rename before it resolves', async () => {
  const file = join(dir, 'state.json');
  await writeFile(file, '{}', { mode: 0o600 });
  await writeFileAtomic(file, new TextEncoder().encode('{"done":[]}'));
  expect(fsLog.calls).toEqual(['open temp', 'write temp', 'sync temp', 'close temp', 'chmod', 'rename', 'open dir', 'sync dir', 'close dir']);
  expect(await readFile(file, 'utf8')).toBe('{"done":[]}');
});

test("keeps the permissions of the file it replaces; a new file gets the process's default", async () => {
  const kept = join(dir, 'kept.txt');
  await writeFile(kept, 'old');
  await realFs.chmod(kept, 0o640);
  await writeFileAtomic(kept, 'new');
  expect((await stat(kept)).mode & 0o777).toBe(0o640);

  const fresh = join(dir, 'fresh.txt');
  const plain = join(dir, 'plain.txt');
  await writeFileAtomic(fresh, 'x');
  await writeFile(plain, 'x');
  expect((await stat(fresh)).mode & 0o777).toBe((await stat(plain)).mode & 0o777);
});

describe.each(['write', 'sync', 'chmod', 'rename'] as const)('a failure at %s', (step) => {
  test('rejects with it, removes the temporary file and leaves the original untouched', async () => {
    const file = join(dir, 'f.txt');
    await writeFile(file, 'original bytes');
    fsLog.failAt = step;
    await expect(writeFileAtomic(file, 'new bytes')).rejects.toThrow(`injected ${step} failure`);
    expect(await readFile(file, 'utf8')).toBe('original bytes');
    expect(await readdir(dir)).toEqual(['f.txt']);
  });
});

test('writers racing on one file each use a temporary file of their own; one of them wins whole', async () => {
  const file = join(dir, 'race.txt');
  const texts = Array.from({ length: 8 }, (_, i) => String(i).repeat(10_000));
  await Promise.all(texts.map((text) => writeFileAtomic(file, text)));
  expect(texts).toContain(await readFile(file, 'utf8'));
  expect(await readdir(dir)).toEqual(['race.txt']);
});

test('a missing directory fails with ENOENT and creates nothing', async () => {
  await expect(writeFileAtomic(join(dir, 'missing', 'f.txt'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
  expect(await readdir(dir)).toEqual([]);
});
