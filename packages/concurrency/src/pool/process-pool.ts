/**
 * `ProcessPool`: Python's `multiprocessing.Pool` for Node, on child processes with an IPC
 * channel (what `child_process.fork` makes; the child runs `node -e <entry script>`, see
 * entry-source.ts). The scheduling is shared with `WorkerPool` (scheduler.ts).
 */
import { processSpawner } from './channel.js';
import { defaultChunkSize, mapChunkResults, mapChunks, type ChunkOptions, type RunChunk } from './chunks.js';
import { moduleUrl } from './module-url.js';
import { countOption, defaultSize } from './options.js';
import { Scheduler, type CloseOptions, type PoolStats } from './scheduler.js';

/** Options of `new ProcessPool`. */
export interface ProcessPoolOptions {
  /** The task module: an absolute path or a `file:` URL of a `.js`/`.mjs`/`.cjs` module. */
  readonly filename: string | URL;
  /** How many child processes (default: `os.availableParallelism()`). */
  readonly size?: number | undefined;
  /** Replace a child after it ran this many tasks (chunks), as Python's `maxtasksperchild`. Default Infinity. */
  readonly maxTasksPerChild?: number | undefined;
  /** Tasks (chunks) that may wait for a child (default Infinity). */
  readonly maxQueue?: number | undefined;
  /** Node flags of the children. */
  readonly execArgv?: readonly string[] | undefined;
  /** The children's environment (default: this process's). */
  readonly env?: NodeJS.ProcessEnv | undefined;
}

/** Options of `map`, `starmap`, `imap` and `imapUnordered`. */
export interface ProcessMapOptions {
  /**
   * Items per message. `map`/`starmap` default to Python's rule (items ÷ (4 × size), rounded
   * up); `imap`/`imapUnordered` to 1, as in Python.
   */
  readonly chunkSize?: number | undefined;
  /** Aborting it rejects the map and kills the children running its chunks (they are replaced). */
  readonly signal?: AbortSignal | undefined;
}

/** Options of `apply`. */
export interface ApplyOptions {
  /** Aborting it rejects the call; a running call's child is killed and replaced. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * A fixed set of child processes running the exported functions of one task module. Arguments
 * and results cross by the structured clone algorithm (`serialization: 'advanced'`). A child that
 * dies rejects its chunk with `WorkerCrashedError` ("The child process running this task exited")
 * and is replaced.
 *
 * @example
 * ```ts
 * // tasks.mjs: export const square = (n) => n * n;
 * const pool = new ProcessPool({ filename: new URL('./tasks.mjs', import.meta.url), size: 2 });
 * console.log(await pool.map('square', [1, 2, 3])); // [1, 4, 9]
 * for await (const n of pool.imapUnordered('square', [4, 5])) console.log(n); // 16 25 (either order)
 * await pool.close();
 * ```
 */
export class ProcessPool {
  readonly #scheduler: Scheduler;
  readonly #size: number;

  /** @param options - the task module and the pool's settings. */
  constructor(options: ProcessPoolOptions) {
    const url = moduleUrl(options.filename);
    this.#size = countOption('size', options.size, defaultSize());
    if (this.#size === Infinity) throw new RangeError('size must be finite');
    this.#scheduler = new Scheduler(processSpawner(url, options), {
      size: this.#size,
      maxQueue: countOption('maxQueue', options.maxQueue, Infinity, 0),
      maxTasksPerWorker: countOption('maxTasksPerChild', options.maxTasksPerChild, Infinity),
    });
  }

  /** The number of child processes. */
  get size(): number {
    return this.#size;
  }

  /** Runs `exports[name](...args)` in a child (Python's `apply_async(...).get()`). */
  apply<T = unknown>(name: string, args: readonly unknown[] = [], options: ApplyOptions = {}): Promise<T> {
    return this.#scheduler.submit({ name, args }, options) as Promise<T>;
  }

  /** `exports[name](item)` for every item, results in order (Python's `Pool.map`). */
  map<T = unknown>(name: string, items: Iterable<unknown>, options: ProcessMapOptions = {}): Promise<T[]> {
    return this.#collect<T>(name, Array.from(items), options, false);
  }

  /** `exports[name](...args)` for every argument list, results in order (Python's `Pool.starmap`). */
  starmap<T = unknown>(name: string, argLists: Iterable<readonly unknown[]>, options: ProcessMapOptions = {}): Promise<T[]> {
    return this.#collect<T>(name, Array.from(argLists), options, true);
  }

  /** `exports[name](item)` for every item, as an async iterator in order (Python's `Pool.imap`). */
  imap<T = unknown>(name: string, items: Iterable<unknown>, options: ProcessMapOptions = {}): AsyncGenerator<T, void, undefined> {
    return this.#chunks<T>(name, items, options, true, false);
  }

  /** Like `imap`, in completion order (Python's `Pool.imap_unordered`). */
  imapUnordered<T = unknown>(name: string, items: Iterable<unknown>, options: ProcessMapOptions = {}): AsyncGenerator<T, void, undefined> {
    return this.#chunks<T>(name, items, options, false, false);
  }

  /** Counters, as `WorkerPool.stats` (a chunk counts as one task). */
  get stats(): PoolStats {
    return this.#scheduler.stats();
  }

  /** Refuses new work and ends every child; the options are `WorkerPool.close`'s. */
  close(options: CloseOptions = {}): Promise<void> {
    return this.#scheduler.close(options);
  }

  async #collect<T>(name: string, inputs: readonly unknown[], options: ProcessMapOptions, spread: boolean): Promise<T[]> {
    const chunkSize = options.chunkSize ?? defaultChunkSize(inputs.length, this.#size);
    const out: T[] = [];
    for await (const values of mapChunkResults(this.#runner(name, spread), inputs, this.#chunkOptions({ ...options, chunkSize }, true))) {
      for (const value of values) out.push(value as T);
    }
    return out;
  }

  /** Runs `inputs` chunk by chunk: each input is an argument list (`spread`) or the single argument. */
  #chunks<T>(name: string, inputs: Iterable<unknown>, options: ProcessMapOptions, ordered: boolean, spread: boolean): AsyncGenerator<T, void, undefined> {
    return mapChunks(this.#runner(name, spread), inputs, this.#chunkOptions(options, ordered)) as AsyncGenerator<T, void, undefined>;
  }

  #runner(name: string, spread: boolean): RunChunk<unknown> {
    return (chunk, signal) => this.#scheduler.submit(spread ? { name, chunk: chunk as unknown[][] } : { name, items: chunk }, { signal }) as Promise<unknown[]>;
  }

  #chunkOptions(options: ProcessMapOptions, ordered: boolean): ChunkOptions {
    return { chunkSize: countOption('chunkSize', options.chunkSize, 1), window: this.#size * 2, ordered, signal: options.signal };
  }
}
