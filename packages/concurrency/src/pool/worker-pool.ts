/**
 * `WorkerPool`: Python's `ThreadPoolExecutor` for Node, on `worker_threads`. The scheduling is in
 * scheduler.ts; this file is the public face.
 */
import type { ResourceLimits, TransferListItem } from 'node:worker_threads';
import { threadSpawner } from './channel.js';
import { mapChunks } from './chunks.js';
import { moduleUrl } from './module-url.js';
import { countOption, defaultSize } from './options.js';
import { Scheduler, type CloseOptions, type PoolStats } from './scheduler.js';
import type { TaskQueue } from './task-queue.js';

/** Options of `new WorkerPool`. */
export interface WorkerPoolOptions {
  /** The task module: an absolute path or a `file:` URL of a `.js`/`.mjs`/`.cjs` module. */
  readonly filename: string | URL;
  /** How many worker threads (default: `os.availableParallelism()`). */
  readonly size?: number | undefined;
  /** Tasks that may wait for a worker (default Infinity); one more rejects with `PoolQueueFullError`. */
  readonly maxQueue?: number | undefined;
  /** Passed to each `Worker` (heap limits; a worker that exceeds them crashes and is replaced). */
  readonly resourceLimits?: ResourceLimits | undefined;
  /** Node flags of the workers (e.g. `['--experimental-strip-types']` for a `.ts` task module on Node 22). */
  readonly execArgv?: readonly string[] | undefined;
  /** A replacement for the FIFO task queue. */
  readonly taskQueue?: TaskQueue<object> | undefined;
}

/** Options of `WorkerPool.run`. */
export interface RunOptions {
  /** Aborting it rejects a queued task at once, and terminates (then replaces) the worker of a running one. */
  readonly signal?: AbortSignal | undefined;
  /** Objects to move rather than copy (ArrayBuffers, MessagePorts). */
  readonly transfer?: readonly TransferListItem[] | undefined;
}

/** Options of `WorkerPool.map`. */
export interface WorkerMapOptions {
  /** Results in input order (default) or as they finish. */
  readonly ordered?: boolean | undefined;
  /** Items per message (default 1, as in `concurrent.futures`). */
  readonly chunkSize?: number | undefined;
  /** Aborting it stops the map and cancels its chunks in flight. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * A fixed set of worker threads running the exported functions of one task module.
 *
 * - `run` queues a call and resolves with its result; a task that throws rejects with an
 *   `Error` of the same name, message, stack and `code`.
 * - A worker that exits mid-task (`process.exit`, out of memory) rejects only that task with
 *   `WorkerCrashedError`, and a new worker takes its place.
 * - Idle workers are unref'd: an idle pool never keeps the process alive. Still, `close()` it.
 *
 * @example
 * ```ts
 * // tasks.mjs: export function add(a, b) { return a + b; }
 * const pool = new WorkerPool({ filename: new URL('./tasks.mjs', import.meta.url), size: 2 });
 * console.log(await pool.run('add', [1, 2])); // 3
 * for await (const sum of pool.map('add', [[1, 1], [2, 2]])) console.log(sum); // 2 4
 * await pool.close();
 * ```
 */
export class WorkerPool {
  readonly #scheduler: Scheduler;
  readonly #size: number;

  /** @param options - the task module and the pool's settings. */
  constructor(options: WorkerPoolOptions) {
    const url = moduleUrl(options.filename);
    this.#size = countOption('size', options.size, defaultSize());
    if (this.#size === Infinity) throw new RangeError('size must be finite');
    this.#scheduler = new Scheduler(threadSpawner(url, options), {
      size: this.#size,
      maxQueue: countOption('maxQueue', options.maxQueue, Infinity, 0),
      maxTasksPerWorker: Infinity,
      queue: options.taskQueue,
    });
  }

  /** The number of workers. */
  get size(): number {
    return this.#size;
  }

  /**
   * Runs `exports[name](...args)` in a worker.
   *
   * @param name - the exported function.
   * @param args - its arguments (structured-cloned, or moved when listed in `transfer`).
   * @param options - `signal`, `transfer`.
   * @returns its result (awaited when it is a promise).
   */
  run<T = unknown>(name: string, args: readonly unknown[] = [], options: RunOptions = {}): Promise<T> {
    return this.#scheduler.submit({ name, args }, options) as Promise<T>;
  }

  /**
   * Runs `exports[name](...args)` for each argument list, `chunkSize` lists per message, at most
   * two chunks per worker in flight.
   *
   * @param name - the exported function.
   * @param argLists - one argument list per call.
   * @param options - `ordered`, `chunkSize`, `signal`.
   */
  map<T = unknown>(name: string, argLists: Iterable<readonly unknown[]>, options: WorkerMapOptions = {}): AsyncGenerator<T, void, undefined> {
    return mapChunks((chunk, signal) => this.#scheduler.submit({ name, chunk }, { signal }) as Promise<unknown[]>, argLists, {
      chunkSize: countOption('chunkSize', options.chunkSize, 1),
      window: this.#size * 2,
      ordered: options.ordered ?? true,
      signal: options.signal,
    }) as AsyncGenerator<T, void, undefined>;
  }

  /** Counters: completed, failed, cancelled, queued, busy, live workers, utilization. */
  get stats(): PoolStats {
    return this.#scheduler.stats();
  }

  /**
   * Refuses new tasks (they reject with `PoolClosedError`), then ends every worker.
   * `{ wait: true }` (default) lets queued and running tasks finish first; `cancelPending`
   * rejects the queued ones with `CancelledError`; `{ wait: false }` cancels running ones too.
   * Resolves once every worker has exited. Python's `executor.shutdown(wait, cancel_futures)`.
   */
  close(options: CloseOptions = {}): Promise<void> {
    return this.#scheduler.close(options);
  }
}
