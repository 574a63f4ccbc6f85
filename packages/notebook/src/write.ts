/**
 * Writing a notebook atomically: a reader sees the old file or the new one, never a half-written
 * one, and a failed write leaves the old file as it was. The write itself is `writeFileAtomic` of
 * `@scalable-ts/base` (a temporary file of its own in the same directory, fsynced, given the old
 * file's permissions, renamed over it, the directory fsynced; removed on any failure).
 */
import { writeFileAtomic } from '@scalable-ts/base';
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
  await writeFileAtomic(path, serializeNotebook(nb));
}
