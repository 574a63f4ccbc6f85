/** The test notebooks in `fixtures/` (inside the workspace, so tslab finds `@types/node`). */
import { copyFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Absolute path of a fixture notebook. */
export const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));

/** The git-ignored folder for screenshots and scratch copies. */
export const testOutput = fileURLToPath(new URL('../../test-output/', import.meta.url));

/** A scratch copy of a fixture in `test-output/<folder>/` (still inside the workspace). */
export async function scratchCopy(name: string, folder: string): Promise<string> {
  const dir = join(testOutput, folder);
  await mkdir(dir, { recursive: true });
  const path = join(dir, name);
  await copyFile(fixture(name), path);
  return path;
}
