/**
 * How it works
 *
 * SHA-256 must see the bytes in file order, but segments arrive out of order. A worker thread
 * follows the contiguous prefix of the `.part` file that is already written, reading it back
 * (from the page cache, mostly) and hashing it while the download goes on:
 *
 *     .part:   [====hashed====|==written, not hashed==|   gap   |==written==]
 *                             ^ hashed                ^ frontier (prefix end)
 *
 * The main thread only publishes the frontier, in a SharedArrayBuffer, and wakes the worker
 * (Atomics.notify); the worker reads [hashed, frontier) 1 MiB at a time, then sleeps
 * (Atomics.wait) until the frontier moves. `digest(size)` publishes the final size and waits for
 * the worker's answer, which comes moments after the last byte instead of after a second pass.
 *
 * Why a worker: hashing on the main thread (0.7 ms of CPU per MiB) sits between a write's
 * completion and the next socket read, and measured (bench/download.mjs) to cost 3–4 s per GiB
 * of throughput, several times the hash itself; hashing the finished file costs a full pass after
 * the download. In the worker it overlaps with the transfer, on another core when there is one.
 * What is hashed is exactly what is in the `.part`, since the worker reads it from the file.
 *
 * A small file (≤ 8 MiB) is not worth a thread (tens of milliseconds to start, megabytes of
 * memory: think of a thousand small downloads at once): it is hashed in one pass on the main
 * thread once complete, which takes a few milliseconds.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Worker } from 'node:worker_threads';

/** Follows a `.part` being written and hashes it. */
export interface Hasher {
  /** Reports that the written prefix of the file now ends at `frontier`. */
  advance(frontier: number): void;
  /** Waits until the first `size` bytes are hashed and returns the digest, lowercase hex. */
  digest(size: number): Promise<string>;
  /** Stops any work in progress (before the file is closed or deleted); never rejects. */
  settle(): Promise<void>;
}

/** Files up to this size are hashed in one pass at the end, on the main thread. */
export const INLINE_HASH_LIMIT = 8 * 1024 * 1024;

/** The hasher for a `.part` of `size` bytes (`undefined`: unknown, maybe large). */
export function createHasher(path: string, size: number | undefined): Hasher {
  return size !== undefined && size <= INLINE_HASH_LIMIT ? new FileHasher(path) : new PrefixHasher(path);
}

/** Hashes the finished file in one streaming pass. */
export class FileHasher implements Hasher {
  readonly #path: string;
  #reading: Promise<string> | undefined;

  /** @param path - the `.part` file. */
  constructor(path: string) {
    this.#path = path;
  }

  /** Nothing to do until the end. */
  advance(): void {}

  /** Reads the first `size` bytes and returns their SHA-256. */
  digest(size: number): Promise<string> {
    this.#reading = (async () => {
      const hash = createHash('sha256');
      if (size > 0) {
        let read = 0;
        for await (const chunk of createReadStream(this.#path, { start: 0, end: size - 1, highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
          hash.update(chunk);
          read += chunk.length;
        }
        if (read < size) throw new RangeError(`the .part file ends at ${read}, before ${size}`);
      }
      return hash.digest('hex');
    })();
    return this.#reading;
  }

  /** Waits for a digest in progress. */
  async settle(): Promise<void> {
    await this.#reading?.catch(() => {});
  }
}

/** The worker: a CommonJS script, so it runs from dist/, from src/ under vitest, and in tslab. */
const SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const { openSync, readSync, closeSync } = require('node:fs');
const { createHash } = require('node:crypto');
const positions = new BigInt64Array(workerData.positions); // [frontier, size or -1]
const wake = new Int32Array(workerData.wake);
const fd = openSync(workerData.path, 'r');
const hash = createHash('sha256');
const buffer = Buffer.allocUnsafe(1024 * 1024);
let hashed = 0;
for (;;) {
  const seen = Atomics.load(wake, 0);
  const frontier = Number(Atomics.load(positions, 0));
  if (hashed < frontier) {
    const read = readSync(fd, buffer, 0, Math.min(buffer.length, frontier - hashed), hashed);
    if (read === 0) throw new RangeError('the .part file ends at ' + hashed + ', before ' + frontier);
    hash.update(buffer.subarray(0, read));
    hashed += read;
  } else if (Atomics.load(positions, 1) >= 0n && hashed >= Number(Atomics.load(positions, 1))) {
    break;
  } else {
    Atomics.wait(wake, 0, seen);
  }
}
closeSync(fd);
parentPort.postMessage(hash.digest('hex'));
`;

/** Hashes a file that is being written out of order in a worker, following its contiguous prefix. */
export class PrefixHasher implements Hasher {
  readonly #worker: Worker;
  readonly #positions = new BigInt64Array(new SharedArrayBuffer(16));
  readonly #wake = new Int32Array(new SharedArrayBuffer(4));
  readonly #digest: Promise<string>;
  #frontier = 0;

  /** @param path - the `.part` file; it must exist. */
  constructor(path: string) {
    Atomics.store(this.#positions, 1, -1n);
    this.#worker = new Worker(SOURCE, {
      eval: true,
      workerData: { path, positions: this.#positions.buffer, wake: this.#wake.buffer },
    });
    this.#worker.unref(); // never what keeps a process alive
    this.#digest = new Promise<string>((resolve, reject) => {
      this.#worker.once('message', resolve);
      this.#worker.once('error', reject);
      this.#worker.once('exit', (code) => reject(new Error(`the hashing worker exited with code ${code}`)));
    });
    this.#digest.catch(() => {}); // a terminated worker's rejection is nobody's business but digest()'s
  }

  /** Reports that the written prefix now ends at `frontier`; the worker hashes up to it. */
  advance(frontier: number): void {
    if (frontier <= this.#frontier) return;
    this.#frontier = frontier;
    Atomics.store(this.#positions, 0, BigInt(frontier));
    this.#notify();
  }

  /** Waits until the first `size` bytes are hashed and returns the digest, lowercase hex. */
  async digest(size: number): Promise<string> {
    this.advance(size);
    Atomics.store(this.#positions, 1, BigInt(size));
    this.#notify();
    return this.#digest;
  }

  /** Stops the worker (before the file is closed or deleted); never rejects. */
  async settle(): Promise<void> {
    await this.#worker.terminate();
  }

  #notify(): void {
    Atomics.add(this.#wake, 0, 1);
    Atomics.notify(this.#wake, 0);
  }
}
