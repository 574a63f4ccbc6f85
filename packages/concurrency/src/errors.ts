/**
 * Every error this package throws, each with a stable `code` so callers can branch without
 * parsing messages. The names follow Python's asyncio where it has one (`QueueFull`,
 * `QueueEmpty`, `QueueShutDown`, `CancelledError`, `TimeoutError`).
 *
 * A wait that is aborted through an `AbortSignal` rejects with `signal.reason`, exactly as
 * `fetch` and `signal.throwIfAborted()` do; none of these classes is used for that.
 */

/** Base class of the errors this package throws. */
export class ConcurrencyError extends Error {
  /** A stable machine-readable code, e.g. `ERR_QUEUE_FULL`. */
  readonly code: string;

  /**
   * @param code - the stable code.
   * @param message - what went wrong, naming the value at fault.
   * @param options - `cause`: the underlying error, if any.
   */
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/**
 * An argument is out of range or of the wrong type (a negative semaphore value, a concurrency
 * of 0, a batch size that is not a positive integer). The message names the argument.
 */
export class InvalidArgumentError extends ConcurrencyError {
  /** The name of the argument at fault. */
  readonly argument: string;

  /**
   * @param argument - the parameter's name.
   * @param expected - what it should have been, e.g. `"an integer >= 1"`.
   * @param actual - the value received.
   */
  constructor(argument: string, expected: string, actual: unknown) {
    super('ERR_INVALID_ARGUMENT', `Expected \`${argument}\` to be ${expected}, got ${describe(actual)}`);
    this.argument = argument;
  }
}

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
export class QueueFull extends ConcurrencyError {
  /** @param maxsize - the queue's capacity. */
  constructor(maxsize: number) {
    super('ERR_QUEUE_FULL', `The queue is full (maxsize ${maxsize})`);
  }
}

/** `getNowait` on a queue that is empty (Python's `asyncio.QueueEmpty`). */
export class QueueEmpty extends ConcurrencyError {
  constructor() {
    super('ERR_QUEUE_EMPTY', 'The queue is empty');
  }
}

/**
 * A put on a queue that was shut down, or a get on one that was shut down and is empty
 * (Python 3.13's `asyncio.QueueShutDown`).
 */
export class QueueShutDown extends ConcurrencyError {
  /** @param operation - the method that was refused, e.g. `"put"`. */
  constructor(operation: string) {
    super('ERR_QUEUE_SHUT_DOWN', `Cannot ${operation}: the queue was shut down`);
  }
}

/**
 * `taskDone()` called more times than items were put (Python raises `ValueError`).
 */
export class TaskDoneError extends ConcurrencyError {
  constructor() {
    super('ERR_TASK_DONE', 'taskDone() called more times than there were items');
  }
}

/**
 * A lock or condition used without holding it: `release()` of an unlocked `Lock`, or
 * `Condition.wait()`/`notify()` without the lock (Python raises `RuntimeError`).
 */
export class NotAcquiredError extends ConcurrencyError {
  /** @param what - what was misused, e.g. `"Lock.release()"`. */
  constructor(what: string) {
    super('ERR_NOT_ACQUIRED', `${what}: the lock is not acquired`);
  }
}

/**
 * A `BoundedSemaphore` released more times than it was acquired (Python raises `ValueError`).
 */
export class TooManyReleasesError extends ConcurrencyError {
  /** @param bound - the semaphore's start value. */
  constructor(bound: number) {
    super('ERR_TOO_MANY_RELEASES', `BoundedSemaphore released too many times (its value would exceed ${bound})`);
  }
}

/**
 * Work that was cancelled: queued `limit` jobs dropped by `clearQueue()`, the siblings of a
 * failed `TaskGroup` child (through their signal), work left behind by `asCompleted` or
 * `mapConcurrent` when the consumer stops early. Python's `asyncio.CancelledError`.
 */
export class CancelledError extends ConcurrencyError {
  /**
   * @param message - why the work was cancelled.
   * @param options - `cause`: the failure that caused the cancellation, if any.
   */
  constructor(message = 'The operation was cancelled', options?: { cause?: unknown }) {
    super('ERR_CANCELLED', message, options);
  }
}

/**
 * A deadline passed: `timeout()` and `waitFor()` abort the work's signal with this error, and
 * reject with it (Python's `TimeoutError`).
 */
export class TimeoutError extends ConcurrencyError {
  /** The limit that passed, in milliseconds. */
  readonly ms: number;

  /** @param ms - the limit that passed, in milliseconds. */
  constructor(ms: number) {
    super('ERR_TIMEOUT', `Timed out after ${ms} ms`);
    this.ms = ms;
  }
}

/** `spawn()` on a `TaskGroup` that has already settled. */
export class TaskGroupClosedError extends ConcurrencyError {
  constructor() {
    super('ERR_TASK_GROUP_CLOSED', 'Cannot spawn: the task group has settled');
  }
}

/**
 * An iterator returned by `map`, `filter`, `take`… was handed to another of them before it
 * started, so the two were fused into one pipeline (which is what makes them fast); iterating
 * the first one directly afterwards would split its items between two readers, so it throws.
 */
export class IteratorFusedError extends ConcurrencyError {
  constructor() {
    super(
      'ERR_ITERATOR_FUSED',
      'This iterator was passed to map/filter/take/… as its source and fused into that pipeline; iterate the result instead',
    );
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

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}

/** `run`, `map` or `apply` on a `WorkerPool` or `ProcessPool` after `close()`. */
export class PoolClosedError extends ConcurrencyError {
  constructor() {
    super('ERR_POOL_CLOSED', 'Cannot submit work: the pool is closed');
  }
}

/** A task submitted while the pool's queue already holds `maxQueue` tasks. */
export class PoolQueueFullError extends ConcurrencyError {
  /** @param maxQueue - the queue's capacity. */
  constructor(maxQueue: number) {
    super('ERR_POOL_QUEUE_FULL', `The pool's task queue is full (maxQueue ${maxQueue}); wait for tasks to settle or raise maxQueue`);
  }
}

/**
 * The worker thread or child process running a task exited before answering (it called
 * `process.exit`, ran out of memory under `resourceLimits`, or was killed). Only that task
 * (or that chunk of a `map`) rejects; the pool replaces the worker.
 */
export class WorkerCrashedError extends ConcurrencyError {
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
    super('ERR_WORKER_CRASHED', `The ${what} running this task ${how} before answering`, 'cause' in options ? { cause: options.cause } : undefined);
    this.exitCode = exitCode;
    this.signal = options.signal ?? null;
  }
}
