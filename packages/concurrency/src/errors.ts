/**
 * Every error this package throws, each with a stable `code` so callers can branch without
 * parsing messages. The names follow Python's asyncio where it has one (`QueueFull`,
 * `QueueEmpty`, `QueueShutDown`, `CancelledError`, `TimeoutError`).
 *
 * A wait that is aborted through an `AbortSignal` rejects with `signal.reason`, exactly as
 * `fetch` and `signal.throwIfAborted()` do; none of these classes is used for that.
 */

import { CodedError, coded } from '@scalable-ts/base';

/** The stable codes of this package's errors, one per class. */
export type ConcurrencyErrorCode = 'ERR_QUEUE_FULL' | 'ERR_QUEUE_EMPTY' | 'ERR_QUEUE_SHUT_DOWN'
  | 'ERR_TASK_DONE' | 'ERR_NOT_ACQUIRED' | 'ERR_TOO_MANY_RELEASES' | 'ERR_CANCELLED' | 'ERR_TIMEOUT'
  | 'ERR_TASK_GROUP_CLOSED' | 'ERR_ITERATOR_FUSED' | 'ERR_POOL_CLOSED' | 'ERR_POOL_QUEUE_FULL'
  | 'ERR_WORKER_CRASHED';

/** Base class of the errors this package throws; `instanceof ConcurrencyError` catches them all. */
export abstract class ConcurrencyError extends CodedError<ConcurrencyErrorCode> {}

/**
 * `putNowait` on a queue that is full (Python's `asyncio.QueueFull`).
 *
 * @example
 * ```ts
 * const q = new Queue<number>({ maxsize: 1 });
 * q.putNowait(1);
 * try { q.putNowait(2); } catch (error) { if (error instanceof QueueFull) console.log('full'); }
 * ```
 */
export class QueueFull extends coded(ConcurrencyError, 'ERR_QUEUE_FULL') {
  /** @param maxsize - the queue's capacity. */
  constructor(maxsize: number) {
    super(`The queue is full (maxsize ${maxsize})`);
  }
}

/** `getNowait` on a queue that is empty (Python's `asyncio.QueueEmpty`). */
export class QueueEmpty extends coded(ConcurrencyError, 'ERR_QUEUE_EMPTY') {
  constructor() {
    super('The queue is empty');
  }
}

/**
 * A put on a queue that was shut down, or a get on one that was shut down and is empty
 * (Python 3.13's `asyncio.QueueShutDown`).
 */
export class QueueShutDown extends coded(ConcurrencyError, 'ERR_QUEUE_SHUT_DOWN') {
  /** @param operation - the method that was refused, e.g. `"put"`. */
  constructor(operation: string) {
    super(`Cannot ${operation}: the queue was shut down`);
  }
}

/**
 * `taskDone()` called more times than items were put (Python raises `ValueError`).
 */
export class TaskDoneError extends coded(ConcurrencyError, 'ERR_TASK_DONE') {
  constructor() {
    super('taskDone() called more times than there were items');
  }
}

/**
 * A lock or condition used without holding it: `release()` of an unlocked `Lock`, or
 * `Condition.wait()`/`notify()` without the lock (Python raises `RuntimeError`).
 */
export class NotAcquiredError extends coded(ConcurrencyError, 'ERR_NOT_ACQUIRED') {
  /** @param what - what was misused, e.g. `"Lock.release()"`. */
  constructor(what: string) {
    super(`${what}: the lock is not acquired`);
  }
}

/**
 * A `BoundedSemaphore` released more times than it was acquired (Python raises `ValueError`).
 */
export class TooManyReleasesError extends coded(ConcurrencyError, 'ERR_TOO_MANY_RELEASES') {
  /** @param bound - the semaphore's start value. */
  constructor(bound: number) {
    super(`BoundedSemaphore released too many times (its value would exceed ${bound})`);
  }
}

/**
 * Work that was cancelled: queued `limit` jobs dropped by `clearQueue()`, the siblings of a
 * failed `TaskGroup` child (through their signal), work left behind by `asCompleted` or
 * `mapConcurrent` when the consumer stops early. Python's `asyncio.CancelledError`.
 */
export class CancelledError extends coded(ConcurrencyError, 'ERR_CANCELLED') {
  /**
   * @param message - why the work was cancelled.
   * @param options - `cause`: the failure that caused the cancellation, if any.
   */
  constructor(message = 'The operation was cancelled', options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * A deadline passed: `timeout()` and `waitFor()` abort the work's signal with this error, and
 * reject with it (Python's `TimeoutError`).
 */
export class TimeoutError extends coded(ConcurrencyError, 'ERR_TIMEOUT') {
  /** The limit that passed, in milliseconds. */
  readonly ms: number;

  /** @param ms - the limit that passed, in milliseconds. */
  constructor(ms: number) {
    super(`Timed out after ${ms} ms`);
    this.ms = ms;
  }
}

/** `spawn()` on a `TaskGroup` that has already settled. */
export class TaskGroupClosedError extends coded(ConcurrencyError, 'ERR_TASK_GROUP_CLOSED') {
  constructor() {
    super('Cannot spawn: the task group has settled');
  }
}

/**
 * An iterator returned by `map`, `filter`, `take`… was handed to another of them before it
 * started, so the two were fused into one pipeline (which is what makes them fast); iterating
 * the first one directly afterwards would split its items between two readers, so it throws.
 */
export class IteratorFusedError extends coded(ConcurrencyError, 'ERR_ITERATOR_FUSED') {
  constructor() {
    super('This iterator was passed to map/filter/take/… as its source and fused into that pipeline; iterate the result instead');
  }
}

/**
 * True for an error that means "cancelled" rather than "failed": a `CancelledError`, or any
 * error named `AbortError` (what `fetch` and `AbortSignal.abort()` use).
 *
 * @example
 * ```ts
 * try { await fetch(url, { signal }); } catch (error) { if (!isCancellation(error)) throw error; }
 * ```
 */
export function isCancellation(error: unknown): boolean {
  return error instanceof CancelledError || (error instanceof Error && (error.name === 'AbortError' || error.name === 'CancelledError'));
}

/** `run`, `map` or `apply` on a `WorkerPool` or `ProcessPool` after `close()`. */
export class PoolClosedError extends coded(ConcurrencyError, 'ERR_POOL_CLOSED') {
  constructor() {
    super('Cannot submit work: the pool is closed');
  }
}

/** A task submitted while the pool's queue already holds `maxQueue` tasks. */
export class PoolQueueFullError extends coded(ConcurrencyError, 'ERR_POOL_QUEUE_FULL') {
  /** @param maxQueue - the queue's capacity. */
  constructor(maxQueue: number) {
    super(`The pool's task queue is full (maxQueue ${maxQueue}); wait for tasks to settle or raise maxQueue`);
  }
}

/**
 * The worker thread or child process running a task exited before answering (it called
 * `process.exit`, ran out of memory under `resourceLimits`, or was killed). Only that task
 * (or that chunk of a `map`) rejects; the pool replaces the worker.
 */
export class WorkerCrashedError extends coded(ConcurrencyError, 'ERR_WORKER_CRASHED') {
  /** The exit code of the worker or child (`null` when a child was killed by a signal). */
  readonly exitCode: number | null;
  /** The signal that killed a child (`"SIGKILL"`…), or `null`. */
  readonly signal: NodeJS.Signals | null;

  /**
   * @param what - `"worker thread"` or `"child process"`.
   * @param exitCode - its exit code.
   * @param options - `cause`: the uncaught error that ended it, if any; `signal`: the signal that killed it.
   */
  constructor(what: string, exitCode: number | null, options: { cause?: unknown; signal?: NodeJS.Signals | null | undefined } = {}) {
    const how = options.signal ? `was killed by ${options.signal}` : `exited (code ${exitCode})`;
    super(`The ${what} running this task ${how} before answering`, 'cause' in options ? { cause: options.cause } : undefined);
    this.exitCode = exitCode;
    this.signal = options.signal ?? null;
  }
}
