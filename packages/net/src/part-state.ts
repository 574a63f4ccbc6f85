/**
 * How it works
 *
 * Beside `<destination>.part` (the bytes, written at their offsets into a file of the final
 * size) lives `<destination>.part.json`, which says which bytes of it are real and what they are
 * a copy of:
 *
 *     { "version": 1, "url": "http://…/big.bin", "size": 1073741824,
 *       "etag": "\"5f-1a2b\"", "lastModified": "Tue, 01 Jul 2025 10:00:00 GMT",
 *       "done": [[0, 402653184], [419430400, 436207616]] }
 *
 * The invariant: every range in `done` is on disk in `.part`. It holds because a range is added
 * only after its write resolved, and the JSON is replaced atomically and durably
 * (`writeFileAtomic` of `@scalable-ts/base`: a temporary file of its own, fsynced, renamed over
 * the old one, the directory fsynced), so a crash or a power cut at any instant leaves either the
 * old or the new state, never half of one and never an empty one. Bytes the state does not list
 * yet are fetched again on resume, never lost. (The bytes of `.part` are not fsynced: after a power cut a range the state
 * lists can be stale on disk, which `expectedSha256` catches. A killed process is not a power
 * cut: what it wrote is in the page cache, and the kernel still writes it out.)
 *
 * Saves are throttled: `touch()` marks the state dirty and at most one save runs at a time, at
 * most one per `intervalMs`; `flush()` writes what is pending now. How far the saved state lags
 * the file: a save snapshots the state when it starts and counts once its rename is done; the
 * next one starts `intervalMs` after the previous one started, or when it ends if it took
 * longer. So the lag is under `intervalMs` plus two saves' time, not one interval: a save is ten
 * file-system calls (two fsyncs) on libuv's thread pool, which the data writes keep busy, so
 * under load it can take longer than the interval itself.
 */
import { readFile, unlink } from 'node:fs/promises';
import { writeFileAtomic } from '@scalable-ts/base';
import type { ByteRange } from './segments.js';

/** What `<destination>.part.json` holds. */
export interface PartState {
  /** The format version, 1. */
  readonly version: 1;
  /** The URL as given to `download()`. */
  readonly url: string;
  /** The size of the file on the server, `null` when unknown. */
  readonly size: number | null;
  /** The server's ETag for the content, if any. */
  readonly etag: string | null;
  /** The server's Last-Modified for the content, if any. */
  readonly lastModified: string | null;
  /** The byte ranges of `.part` that hold downloaded bytes, sorted and disjoint. */
  readonly done: readonly ByteRange[];
}

/**
 * Reads a saved state; `undefined` when there is none or it is not a valid state (then the
 * download starts over, which is always safe).
 */
export async function loadPartState(path: string): Promise<PartState | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const state: unknown = JSON.parse(text);
    return isPartState(state) ? state : undefined;
  } catch {
    return undefined;
  }
}

function isPartState(value: unknown): value is PartState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Record<string, unknown>;
  const size = state['size'];
  return (
    state['version'] === 1 &&
    typeof state['url'] === 'string' &&
    (size === null || (Number.isSafeInteger(size) && (size as number) >= 0)) &&
    (state['etag'] === null || typeof state['etag'] === 'string') &&
    (state['lastModified'] === null || typeof state['lastModified'] === 'string') &&
    Array.isArray(state['done']) &&
    isSortedRanges(state['done'], size === null ? Number.MAX_SAFE_INTEGER : (size as number))
  );
}

function isSortedRanges(done: unknown[], size: number): boolean {
  let at = 0;
  for (const range of done) {
    if (!Array.isArray(range) || range.length !== 2) return false;
    const [start, end] = range as unknown[];
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return false;
    if ((start as number) < at || (end as number) <= (start as number) || (end as number) > size) return false;
    at = end as number;
  }
  return true;
}

/** Saves a {@link PartState} atomically, at most once per interval. */
export class PartStateStore {
  readonly #path: string;
  readonly #intervalMs: number;
  readonly #snapshot: () => PartState;
  #dirty = false;
  #lastSave = -Infinity;
  #timer: NodeJS.Timeout | undefined;
  #saving: Promise<void> | undefined;
  #failure: unknown;
  #closed = false;

  /**
   * @param path - the state file, `<destination>.part.json`.
   * @param intervalMs - the least time between two saves.
   * @param snapshot - returns the state to save; called at save time, so it is always current.
   */
  constructor(path: string, intervalMs: number, snapshot: () => PartState) {
    this.#path = path;
    this.#intervalMs = intervalMs;
    this.#snapshot = snapshot;
  }

  /** Marks the state as changed; it is saved within the interval. */
  touch(): void {
    this.#dirty = true;
    if (this.#failure !== undefined) throw this.#failure;
    this.#schedule();
  }

  /** Saves now if anything changed, after any save in progress; rejects if a save failed. */
  async flush(): Promise<void> {
    this.#clearTimer();
    while (this.#saving !== undefined) await this.#saving;
    if (this.#dirty) await this.#save();
    if (this.#failure !== undefined) throw this.#failure;
  }

  /** Stops saving (pending changes are dropped) and waits for a save in progress. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#clearTimer();
    this.#dirty = false;
    while (this.#saving !== undefined) await this.#saving;
  }

  /** Closes the store and deletes the state file. */
  async remove(): Promise<void> {
    await this.close();
    await unlink(this.#path).catch(ignoreMissing);
  }

  #schedule(): void {
    if (this.#closed || this.#timer !== undefined || this.#saving !== undefined || !this.#dirty) return;
    const wait = this.#lastSave + this.#intervalMs - performance.now();
    if (wait <= 0) {
      void this.#save();
      return;
    }
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#schedule();
    }, wait);
    this.#timer.unref();
  }

  #save(): Promise<void> {
    this.#dirty = false;
    this.#lastSave = performance.now();
    const saving = writeFileAtomic(this.#path, JSON.stringify(this.#snapshot()))
      .catch((error: unknown) => {
        this.#failure ??= error;
      })
      .finally(() => {
        this.#saving = undefined;
        this.#schedule();
      });
    this.#saving = saving;
    return saving;
  }

  #clearTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

/** Swallows ENOENT (a file that is already gone), rethrows anything else. */
export function ignoreMissing(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}
