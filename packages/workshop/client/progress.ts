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
  /** Number of exercises the notebook had when last opened. */
  readonly exercises?: number;
  /** Keys (the starter cell's) of the exercises checked at least once: their solution may be shown. */
  readonly tried?: readonly string[];
  /** Keys of the exercises whose checks all passed once. */
  readonly solved?: readonly string[];
}

const strings = (value: unknown): string[] | undefined => (Array.isArray(value) ? value.filter((key): key is string => typeof key === 'string') : undefined);

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
      const { ran, total, exercises, tried, solved } = value as Record<string, unknown>;
      if (!Array.isArray(ran) || typeof total !== 'number') return undefined;
      return {
        ran: strings(ran) ?? [],
        total,
        ...(typeof exercises === 'number' ? { exercises } : {}),
        ...(strings(tried) ? { tried: strings(tried) as string[] } : {}),
        ...(strings(solved) ? { solved: strings(solved) as string[] } : {}),
      };
    } catch {
      return undefined;
    }
  }

  /** Records the notebook's number of code cells and of exercises (on opening it). */
  setTotal(notebook: string, total: number, exercises?: number): Progress {
    return this.#write(notebook, { ...this.read(notebook), ran: this.read(notebook)?.ran ?? [], total, ...(exercises ? { exercises } : {}) });
  }

  /** Records that cell `key` ran. */
  markRun(notebook: string, key: string, total: number): Progress {
    const ran = new Set(this.read(notebook)?.ran ?? []);
    ran.add(key);
    return this.#write(notebook, { ...this.read(notebook), ran: [...ran], total });
  }

  /** Records that exercise `key` was checked (`solved`: every check passed). */
  markChecked(notebook: string, key: string, solved: boolean): Progress {
    const progress = this.read(notebook) ?? { ran: [], total: 0 };
    const tried = new Set(progress.tried ?? []).add(key);
    const done = new Set(progress.solved ?? []);
    if (solved) done.add(key);
    return this.#write(notebook, { ...progress, tried: [...tried], solved: [...done] });
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

/**
 * "1 of 2 exercises solved", or `undefined` when the notebook has none.
 *
 * @example
 * ```ts
 * exercisesLabel({ ran: [], total: 5, exercises: 2, solved: ['a'] }); // '1 of 2 exercises solved'
 * ```
 */
export function exercisesLabel(progress: Progress): string | undefined {
  const total = progress.exercises ?? 0;
  if (total === 0) return undefined;
  return `${Math.min(progress.solved?.length ?? 0, total)} of ${total} exercise${total === 1 ? '' : 's'} solved`;
}

/** The storage key of a notebook's kept starter edits. */
export const editsKey = (notebook: string): string => `scalable-ts.workshop.edits.${notebook}`;

/**
 * A learner's edits to exercise starters, kept in `localStorage` across reloads until Reset
 * (other edits stay in the page only, as before). Keyed by cell id, like progress.
 */
export class EditStore {
  readonly #storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined;

  constructor(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined) {
    this.#storage = storage;
  }

  /** The kept edit of cell `key`, if any. */
  read(notebook: string, key: string): string | undefined {
    return this.#all(notebook)[key];
  }

  /** Keeps `source` as cell `key`'s edit; `undefined` forgets it (Reset). */
  write(notebook: string, key: string, source: string | undefined): void {
    const all = this.#all(notebook);
    if (source === undefined) delete all[key];
    else all[key] = source;
    try {
      if (Object.keys(all).length === 0) this.#storage?.removeItem(editsKey(notebook));
      else this.#storage?.setItem(editsKey(notebook), JSON.stringify(all));
    } catch {
      // storage full or unavailable: the edit stays in the page
    }
  }

  #all(notebook: string): Record<string, string> {
    try {
      const value: unknown = JSON.parse(this.#storage?.getItem(editsKey(notebook)) ?? '{}');
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
      return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    } catch {
      return {};
    }
  }
}

/** The browser's `localStorage`, or none when the page may not use it. */
function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Opens the browser's store, or none when the page may not use it. */
export function browserProgressStore(): ProgressStore {
  return new ProgressStore(browserStorage());
}

/** Opens the browser's store of starter edits. */
export function browserEditStore(): EditStore {
  return new EditStore(browserStorage());
}
