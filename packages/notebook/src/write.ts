/**
 * Writing a notebook atomically: a reader sees the old file or the new one, never a half-written
 * one, and a failed write leaves the old file as it was.
 *
 * How it works: the text goes to a temporary file in the target's directory (same file system,
 * so the rename below cannot turn into a copy), named `.<name>.<pid>-<random>.tmp` so two writers
 * never share one; it is fsynced, given the target's permissions, and renamed over the target.
 * Any failure removes the temporary file and rethrows.
 */
import { randomBytes } from 'node:crypto';
import { chmod, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { serializeNotebook } from './serialize.js';
import type { Notebook } from './types.js';
import { validateNotebook } from './validate.js';

/**
 * Validate a notebook and write it to `path` atomically, in Jupyter's exact format
 * ({@link serializeNotebook}).
 *
 * @param path - the `.ipynb` file to create or replace.
 * @param nb - the notebook.
 * @throws {@link NotebookFormatError} if `nb` does not match the nbformat schema (nothing is
 * written); file-system errors are passed through, with the temporary file removed and any
 * existing file at `path` untouched.
 *
 * @example
 * ```ts
 * const nb = await readNotebook(file);
 * nb.metadata['scalable_ts'] = { checked: true };
 * await writeNotebook(file, nb);
 * ```
 */
export async function writeNotebook(path: string, nb: Notebook): Promise<void> {
  validateNotebook(nb, path);
  const text = serializeNotebook(nb);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  const mode = await stat(path).then(
    (stats) => stats.mode & 0o7777,
    () => undefined,
  );
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(temp, 'wx');
    await handle.writeFile(text, 'utf8');
    await handle.sync();
    await handle.close();
    handle = undefined;
    if (mode !== undefined) await chmod(temp, mode);
    await rename(temp, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(path));
}

/** Make the rename itself durable; best effort, as some platforms cannot open a directory. */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close().catch(() => undefined);
}
