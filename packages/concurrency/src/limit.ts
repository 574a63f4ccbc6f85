/**
 * How it works: a count of running jobs and a FIFO of waiting ones (the same wait list the
 * primitives use, so a queued job whose signal aborts leaves at once). A job starts
 * synchronously when a slot is free; when a job settles, the oldest waiting job takes its slot
 * in the same tick. Nothing is polled, and no job waits longer than it must.
 */
import { CancelledError } from './errors.js';
import { NEVER_ABORTED } from './internal/abort.js';
import { WaitList } from './internal/wait-list.js';
import { checkFunction, checkInteger } from './internal/validate.js';
import type { AbortOptions } from './types.js';

type Job = () => unknown;

/**
 * A function that runs async functions with at most `concurrency` of them in flight (what
 * p-limit does), made by `limit()`.
 */
export interface Limit {
  /** Runs `fn(...args)` when a slot is free; settles like it. */
  <A extends unknown[], R>(fn: (...args: A) => R | PromiseLike<R>, ...args: A): Promise<Awaited<R>>;
  /**
   * Runs `fn(signal)` when a slot is free. If `options.signal` aborts while the job waits, it
   * leaves the queue and rejects with the reason; once running, `fn` sees the abort itself.
   */
  run<R>(fn: (signal: AbortSignal) => R | PromiseLike<R>, options?: AbortOptions): Promise<Awaited<R>>;
  /** How many jobs are running. */
  readonly activeCount: number;
  /** How many jobs wait for a slot. */
  readonly pendingCount: number;
  /** The most jobs at once; raising it starts waiting jobs at once. */
  concurrency: number;
  /** Drops the waiting jobs: their promises reject with `CancelledError` (running jobs go on). */
  clearQueue(): void;
}

class Limiter {
  readonly #pending = new WaitList<Job, unknown>();
  readonly #finished = (): void => {
    this.active--;
    this.#startWaiting();
  };
  #concurrency: number;
  active = 0;

  constructor(concurrency: number) {
    this.#concurrency = checkConcurrency(concurrency);
  }

  get pending(): number {
    return this.#pending.size;
  }

  get concurrency(): number {
    return this.#concurrency;
  }

  set concurrency(value: number) {
    this.#concurrency = checkConcurrency(value);
    this.#startWaiting();
  }

  call(job: Job, signal?: AbortSignal): Promise<unknown> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return this.active < this.#concurrency ? this.#start(job) : this.#pending.park(job, signal);
  }

  clear(): void {
    this.#pending.rejectAll(() => new CancelledError('The job was dropped by clearQueue()'));
  }

  #start(job: Job): Promise<unknown> {
    this.active++;
    let result: Promise<unknown>;
    try {
      result = Promise.resolve(job());
    } catch (error) {
      result = Promise.reject(error);
    }
    result.then(this.#finished, this.#finished);
    return result;
  }

  #startWaiting(): void {
    while (this.active < this.#concurrency) {
      const next = this.#pending.shift();
      if (next === undefined) return;
      next.resolve(this.#start(next.payload));
    }
  }
}

/**
 * Makes a `Limit`: call it with async functions, and at most `concurrency` of them run at once;
 * the rest wait in arrival order. The p-limit job, with `AbortSignal` support for waiting jobs.
 *
 * @param concurrency - the most jobs at once: an integer >= 1, or `Infinity`.
 *
 * @example
 * ```ts
 * const limited = limit(10);
 * const pages = await Promise.all(urls.map((url) => limited(fetch, url))); // 10 requests at a time
 * limited.activeCount; // 0 again
 * ```
 */
export function limit(concurrency: number): Limit {
  const limiter = new Limiter(concurrency);
  const limited = <A extends unknown[], R>(fn: (...args: A) => R | PromiseLike<R>, ...args: A): Promise<unknown> => {
    checkFunction('fn', fn);
    return limiter.call(() => fn(...args));
  };
  return Object.defineProperties(limited, {
    run: {
      value: <R>(fn: (signal: AbortSignal) => R | PromiseLike<R>, options: AbortOptions = {}): Promise<unknown> => {
        checkFunction('fn', fn);
        return limiter.call(() => fn(options.signal ?? NEVER_ABORTED), options.signal);
      },
    },
    activeCount: { get: () => limiter.active },
    pendingCount: { get: () => limiter.pending },
    concurrency: {
      get: () => limiter.concurrency,
      set: (value: number) => {
        limiter.concurrency = value;
      },
    },
    clearQueue: { value: () => limiter.clear() },
  }) as unknown as Limit;
}

function checkConcurrency(value: number): number {
  return checkInteger('concurrency', value, 1, true);
}
