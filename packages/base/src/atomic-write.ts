/**
 * Durable atomic file writes: a reader, a crash or a power cut leaves the old file or the new
 * one, never half of one and never an empty one, and a failed write leaves the old file as it was.
 *
 *     <dir>/.<name>.<pid>-<random>.tmp   open 'wx' → write → fsync → close → chmod (old mode)
 *                  │ rename (atomic within one file system)
 *                  ▼
 *     <dir>/<name>                        then fsync <dir>, so the rename itself survives a power cut
 *
 * How it works: the temporary file sits in the target's directory, so the rename cannot turn into
 * a copy across file systems; its name is unique per process and call (`wx` refuses a file that
 * exists), so two writers never share one. The data is fsynced before the rename: without that a
 * power cut can persist the rename before the bytes, which is how a file comes back empty. An
 * existing target's permission bits are kept. On any failure the temporary file is removed and the
 * error rethrown. Syncing the directory is best effort: some platforms cannot open one.
 */
import { randomBytes } from 'node:crypto';
import { chmod, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Write `data` to `file` atomically and durably (temporary file, fsync, rename, fsync of the
 * directory), keeping the permissions of a file it replaces.
 *
 * @param file - the file to create or replace; its directory must exist.
 * @param data - the new contents (a string is written as UTF-8).
 * @throws the file system's error (`ENOENT` for a missing directory…), with the temporary file
 * removed and any existing `file` untouched.
 *
 * @example
 * ```ts
 * await writeFileAtomic('site/index.html', html);
 * await writeFileAtomic('big.bin.part.json', JSON.stringify(state));
 * ```
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  const mode = await stat(file).then(
    (stats) => stats.mode & 0o7777,
    () => undefined,
  );
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, 'wx');
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    if (mode !== undefined) await chmod(temp, mode);
    await rename(temp, file);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dirname(file));
}

/** Make a rename in `directory` durable; best effort, as some platforms cannot open a directory. */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close().catch(() => undefined);
}
