/**
 * A learner's progress per notebook, kept in the browser's `localStorage` (never on the server):
 * which code cells of a notebook have run successfully at least once, and how many there are.
 * Cells are keyed by their nbformat id, so progress survives edits that add or move cells.
 */

/** What is stored per notebook. */
export interface Progress {
  /** Keys of the cells that have run. */
  readonly ran: readonly string[];
  /** Number of code cells the notebook had when last opened. */
  readonly total: number;
}

/** The storage key of a notebook's progress. */
export const progressKey = (notebook: string): string => `scalable-ts.workshop.progress.${notebook}`;

/** Progress records in a `Storage` (`localStorage`); a storage that throws (private mode) is ignored. */
export class ProgressStore {
  readonly #storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined;

  constructor(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined) {
    this.#storage = storage;
  }

  /** The notebook's progress, or `undefined` if it was never opened (or the record is unreadable). */
  read(notebook: string): Progress | undefined {
    try {
      const value: unknown = JSON.parse(this.#storage?.getItem(progressKey(notebook)) ?? 'null');
      if (typeof value !== 'object' || value === null) return undefined;
      const { ran, total } = value as { ran?: unknown; total?: unknown };
      if (!Array.isArray(ran) || typeof total !== 'number') return undefined;
      return { ran: ran.filter((key): key is string => typeof key === 'string'), total };
    } catch {
      return undefined;
    }
  }

  /** Records the notebook's number of code cells (on opening it). */
  setTotal(notebook: string, total: number): Progress {
    return this.#write(notebook, { ran: this.read(notebook)?.ran ?? [], total });
  }

  /** Records that cell `key` ran. */
  markRun(notebook: string, key: string, total: number): Progress {
    const ran = new Set(this.read(notebook)?.ran ?? []);
    ran.add(key);
    return this.#write(notebook, { ran: [...ran], total });
  }

  /** Forgets the notebook's progress. */
  reset(notebook: string): void {
    try {
      this.#storage?.removeItem(progressKey(notebook));
    } catch {
      // storage unavailable: nothing was kept either
    }
  }

  #write(notebook: string, progress: Progress): Progress {
    try {
      this.#storage?.setItem(progressKey(notebook), JSON.stringify(progress));
    } catch {
      // storage full or unavailable: progress is a convenience, never an error
    }
    return progress;
  }
}

/**
 * "3 of 12 cells run", counting only cells the notebook still has room for.
 *
 * @example
 * ```ts
 * progressLabel({ ran: ['a', 'b'], total: 5 }); // '2 of 5 cells run'
 * ```
 */
export function progressLabel(progress: Progress): string {
  const done = Math.min(progress.ran.length, progress.total);
  return `${done} of ${progress.total} cell${progress.total === 1 ? '' : 's'} run`;
}

/** Opens the browser's store, or none when the page may not use it. */
export function browserProgressStore(): ProgressStore {
  try {
    return new ProgressStore(window.localStorage);
  } catch {
    return new ProgressStore(undefined);
  }
}
