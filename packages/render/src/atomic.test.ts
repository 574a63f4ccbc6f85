import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { writeFileAtomic } from './atomic.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'render-atomic-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

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
