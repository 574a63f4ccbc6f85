/**
 * Atomic file writes: a reader (or a crash) sees the old file or the new one, never half of one.
 *
 * How it works: write to a uniquely named temporary file in the same directory (so the rename
 * stays on one file system), flush it to disk, then `rename` over the target, which POSIX makes
 * atomic. On any failure the temporary file is removed and the error rethrown.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Write `data` to `file` atomically (temp file, fsync, rename).
 *
 * @example
 * ```ts
 * await writeFileAtomic('site/index.html', html);
 * ```
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
