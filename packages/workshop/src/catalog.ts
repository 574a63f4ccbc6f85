/**
 * The notebooks a workshop serves, by name: `notebooks/01-queues.ipynb` is `01-queues`, served at
 * `/nb/01-queues`. Notebooks are read from disk on every use, so a saved edit (or a `git pull`)
 * shows on the next page load without a restart.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseNotebook, type Notebook } from '@scalable-ts/notebook';
import { NotebookNameConflictError, UnknownNotebookError } from './errors.js';

/** A notebook of the workshop. */
export interface CatalogEntry {
  /** URL name: the file name without `.ipynb`. */
  readonly name: string;
  /** Absolute path of the file. */
  readonly path: string;
}

/** A notebook as read now, with a hash of its bytes. */
export interface LoadedNotebook extends CatalogEntry {
  readonly notebook: Notebook;
  /** First 16 hex digits of the SHA-256 of the file. */
  readonly version: string;
}

/**
 * Hash of a notebook file's text, as `hello` and `save` quote it.
 *
 * @example
 * ```ts
 * fileVersion(await readFile(path, 'utf8')); // '3f2a9c0d1e4b5a67'
 * ```
 */
export function fileVersion(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

/** The workshop's notebooks in list order. */
export class Catalog {
  readonly entries: readonly CatalogEntry[];
  readonly #byName: ReadonlyMap<string, CatalogEntry>;

  /**
   * @param paths - `.ipynb` files in the order the list shows them.
   * @throws {@link NotebookNameConflictError} when two files share a base name.
   */
  constructor(paths: readonly string[]) {
    if (!Array.isArray(paths) || paths.some((path) => typeof path !== 'string' || !path.endsWith('.ipynb'))) {
      throw new TypeError('Catalog: notebooks must be an array of .ipynb paths');
    }
    const byName = new Map<string, CatalogEntry>();
    for (const path of paths.map((p) => resolve(p))) {
      const name = basename(path, '.ipynb');
      const other = byName.get(name);
      if (other) throw new NotebookNameConflictError(name, [other.path, path]);
      byName.set(name, { name, path });
    }
    this.#byName = byName;
    this.entries = [...byName.values()];
  }

  /** The entry named `name`, or `undefined`. */
  find(name: string): CatalogEntry | undefined {
    return this.#byName.get(name);
  }

  /**
   * Reads and validates the notebook named `name`.
   *
   * @throws {@link UnknownNotebookError} for a name not in the catalog; `NotebookFormatError`
   *   from `@scalable-ts/notebook` for a file that is not nbformat 4.
   */
  async load(name: string): Promise<LoadedNotebook> {
    const entry = this.find(name);
    if (!entry) throw new UnknownNotebookError(name);
    const text = await readFile(entry.path, 'utf8');
    return { ...entry, notebook: parseNotebook(text, entry.path), version: fileVersion(text) };
  }

  /** The neighbours of `name` in list order. */
  neighbours(name: string): { prev: CatalogEntry | undefined; next: CatalogEntry | undefined } {
    const at = this.entries.findIndex((entry) => entry.name === name);
    return { prev: at > 0 ? this.entries[at - 1] : undefined, next: at >= 0 ? this.entries[at + 1] : undefined };
  }
}
