/**
 * One attempt at a download: the open `.part` file and what is known about it. It decides
 * whether a saved state can be resumed, and routes every completed write to the four things that
 * follow the file: the done ranges, the hasher, the progress meter and the state store.
 *
 * A fresh start deletes the old `.part.json` before it truncates the `.part`, so a crash in
 * between can never pair an old list of done ranges with a file of zeros.
 */
import { open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { createHasher, type Hasher } from './hash.js';
import { ignoreMissing, PartStateStore, type PartState } from './part-state.js';
import type { Resource } from './probe.js';
import type { ProgressMeter } from './progress.js';
import { ByteRanges } from './segments.js';

/** The files of one download. */
export interface PartPaths {
  /** `<destination>.part`: the bytes. */
  readonly part: string;
  /** `<destination>.part.json`: which bytes. */
  readonly state: string;
}

/** What opening a session needs. */
export interface SessionOptions {
  readonly paths: PartPaths;
  /** The URL as given to `download()` (the state's key). */
  readonly href: string;
  readonly resource: Resource;
  /** A saved state to resume, if its content still matches `resource`. */
  readonly saved: PartState | undefined;
  readonly meter: ProgressMeter;
  readonly saveIntervalMs: number;
  /** Whether to compute the SHA-256 while downloading. */
  readonly hash: boolean;
}

/**
 * Whether `saved` describes the same content as `resource`: same URL and size, same validators,
 * at least one validator to compare (without one a changed file cannot be told apart), and a
 * server that serves ranges (the only way to fetch just the rest).
 */
export function canResume(saved: PartState, href: string, resource: Resource): boolean {
  return (
    resource.ranges &&
    (resource.etag !== undefined || resource.lastModified !== undefined) &&
    saved.url === href &&
    saved.size === (resource.size ?? null) &&
    saved.etag === (resource.etag ?? null) &&
    saved.lastModified === (resource.lastModified ?? null)
  );
}

/** An open `.part` and its bookkeeping. */
export class Session {
  /** What the server said about the file. */
  readonly resource: Resource;
  /** The `.part` file. */
  readonly file: FileHandle;
  /** Bytes already in the `.part` when the session opened. */
  readonly resumed: number;
  /** Retries made so far. */
  retries = 0;
  readonly #meter: ProgressMeter;
  readonly #store: PartStateStore | undefined;
  #done: ByteRanges;
  #hasher: Hasher | undefined;
  readonly #path: string;

  private constructor(options: SessionOptions, file: FileHandle, done: ByteRanges) {
    const { resource, href } = options;
    this.resource = resource;
    this.file = file;
    this.resumed = done.covered;
    this.#done = done;
    this.#path = options.paths.part;
    this.#hasher = options.hash ? createHasher(this.#path, resource.size) : undefined;
    this.#hasher?.advance(done.prefixEnd);
    this.#meter = options.meter;
    this.#meter.reset(done.covered, resource.size);
    // Without ranges nothing can be resumed, so there is nothing worth saving.
    this.#store = resource.ranges
      ? new PartStateStore(options.paths.state, options.saveIntervalMs, () => ({
          version: 1,
          url: href,
          size: resource.size ?? null,
          etag: resource.etag ?? null,
          lastModified: resource.lastModified ?? null,
          done: this.#done.toJSON(),
        }))
      : undefined;
  }

  /** Opens the `.part`: resumes `saved` when it still applies, else starts a fresh one. */
  static async open(options: SessionOptions): Promise<Session> {
    const { paths, saved, resource } = options;
    if (saved !== undefined && canResume(saved, options.href, resource)) {
      const existing = await stat(paths.part).catch(() => undefined);
      if (existing?.size === resource.size) return new Session(options, await open(paths.part, 'r+'), new ByteRanges(saved.done));
    }
    await unlink(paths.state).catch(ignoreMissing);
    const file = await open(paths.part, 'w');
    try {
      if (resource.size !== undefined) await file.truncate(resource.size); // sparse: no blocks until written
    } catch (error) {
      await file.close();
      throw error;
    }
    const session = new Session(options, file, new ByteRanges());
    session.#store?.touch(); // the .part never exists for long without a state beside it
    return session;
  }

  /** The ranges on disk. */
  get done(): ByteRanges {
    return this.#done;
  }

  /** Writes `buffers` at `position` and records them once they are in the file. */
  readonly write = async (buffers: Buffer[], position: number, length: number): Promise<void> => {
    let written = 0;
    while (written < length) {
      const rest = written === 0 ? buffers : remainder(buffers, written);
      const { bytesWritten } = await this.file.writev(rest, position + written);
      if (bytesWritten === 0) throw new Error(`writing the .part at ${position + written} wrote nothing`);
      written += bytesWritten;
    }
    this.#done.add(position, position + length);
    this.#hasher?.advance(this.#done.prefixEnd);
    this.#meter.add(length);
    this.#store?.touch();
  };

  /** Forgets every byte written (a plain stream that must start again from byte 0). */
  async restartFromZero(): Promise<void> {
    await this.#hasher?.settle();
    this.#done = new ByteRanges();
    if (this.#hasher !== undefined) this.#hasher = createHasher(this.#path, this.resource.size);
    this.#meter.reset(0, this.resource.size);
  }

  /** The SHA-256 of the first `size` bytes of the `.part`, lowercase hex; `undefined` when not hashing. */
  async digest(size: number): Promise<string | undefined> {
    return this.#hasher?.digest(size);
  }

  /**
   * Finishes successfully: closes the `.part`, renames it to `destination` (atomically replacing
   * any file there), then deletes the state. A crash between the two leaves a state without a
   * `.part`, which the next run ignores.
   */
  async complete(paths: PartPaths, destination: string, size: number): Promise<void> {
    if (this.resource.size === undefined) await this.file.truncate(size); // a restarted stream may have been longer
    await this.file.close();
    await rename(paths.part, destination);
    await this.#store?.remove();
  }

  /** Gives up on the `.part`: closes and deletes it and its state. */
  async discard(paths: PartPaths): Promise<void> {
    await this.#hasher?.settle();
    await this.file.close();
    await this.#store?.remove();
    await unlink(paths.part).catch(ignoreMissing);
  }

  /** Stops (abort, failure, restart): saves the done ranges for a later resume and closes the file. */
  async suspend(): Promise<void> {
    await this.#hasher?.settle();
    try {
      await this.#store?.flush();
    } finally {
      await this.#store?.close();
      await this.file.close();
    }
  }
}

function remainder(buffers: Buffer[], skip: number): Buffer[] {
  const rest: Buffer[] = [];
  for (const buffer of buffers) {
    if (skip >= buffer.length) skip -= buffer.length;
    else {
      rest.push(skip === 0 ? buffer : buffer.subarray(skip));
      skip = 0;
    }
  }
  return rest;
}
