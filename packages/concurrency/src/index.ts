/**
 * `@scalable-ts/concurrency`: the async toolkit of the workshop.
 *
 * - Lazy iteration over sync and async iterables: `map`, `filter`, `take`, `islice`, `zip`,
 *   `chain`, `batched`, `tee`, … and `mapConcurrent` for bounded concurrent pipelines.
 * - asyncio's synchronization primitives: `Queue`, `PriorityQueue`, `LifoQueue`, `Lock`,
 *   `Event`, `Condition`, `Semaphore`, `BoundedSemaphore`.
 * - Structured concurrency: `TaskGroup`, `gather`, `asCompleted`, `wait`, `waitFor`, `timeout`,
 *   `sleep`.
 * - `limit(n)`: at most n async functions in flight.
 * - Threads and processes: `WorkerPool` (worker_threads), `ProcessPool` (child processes),
 *   `Timer`, and `Mutex`/`AtomicCounter` over a `SharedArrayBuffer`.
 *
 * Everything that waits takes an `AbortSignal`.
 *
 * @example
 * ```ts
 * import { Queue, TaskGroup, limit, map, take, count } from '@scalable-ts/concurrency';
 *
 * [...take(map(count(), (n) => n * n), 4)]; // [0, 1, 4, 9]
 * ```
 */
// Lazy iteration (src/iter/)
export type { AnyIterable, ItemOf } from './iter/source.js';
export type { Lazy } from './iter/lazy.js';
export { map, filter, take, islice, enumerate, batched, pairwise, accumulate, groupBy } from './iter/transform.js';
export { count, repeat, cycle, chain, type Combined } from './iter/sources.js';
export { zip, type ZipRow } from './iter/zip.js';
export { tee } from './iter/tee.js';
export { toArray, type Collected } from './iter/to-array.js';
export { mapConcurrent, type MapConcurrentOptions } from './iter/map-concurrent.js';

// asyncio's primitives (src/sync/)
export { Queue, PriorityQueue, LifoQueue, type QueueOptions, type PriorityQueueOptions } from './sync/queue.js';
export type { Compare, Store } from './sync/stores.js';
export { Lock } from './sync/lock.js';
export { Event } from './sync/event.js';
export { Condition } from './sync/condition.js';
export { Semaphore, BoundedSemaphore } from './sync/semaphore.js';

// Structured concurrency (src/tasks/)
export type { Work, WorkResult, Settled } from './tasks/work.js';
export { sleep } from './tasks/sleep.js';
export { timeout, waitFor } from './tasks/timeout.js';
export { gather, type GatherOptions, type Gathered } from './tasks/gather.js';
export { asCompleted } from './tasks/as-completed.js';
export {
  wait,
  FIRST_COMPLETED,
  FIRST_EXCEPTION,
  ALL_COMPLETED,
  type ReturnWhen,
  type WaitOptions,
  type WaitResult,
  type Pending,
} from './tasks/wait.js';
export { TaskGroup } from './tasks/task-group.js';

// Timers (src/tasks/timer.ts)
export { Timer, type TimerOptions } from './tasks/timer.js';

// Pools of worker threads and child processes (src/pool/)
export { WorkerPool, type WorkerPoolOptions, type RunOptions, type WorkerMapOptions } from './pool/worker-pool.js';
export { ProcessPool, type ProcessPoolOptions, type ProcessMapOptions, type ApplyOptions } from './pool/process-pool.js';
export type { PoolStats, CloseOptions } from './pool/scheduler.js';
export { FifoTaskQueue, type TaskQueue } from './pool/task-queue.js';
export { defaultChunkSize } from './pool/chunks.js';

// Shared memory between threads (src/shared/)
export { Mutex } from './shared/mutex.js';
export { AtomicCounter } from './shared/atomic-counter.js';

// Limiting concurrency (src/limit.ts)
export { limit, type Limit } from './limit.js';

// Shared option shapes and errors
export type { AbortOptions } from './types.js';
export {
  ConcurrencyError,
  type ConcurrencyErrorCode,
  QueueFull,
  QueueEmpty,
  QueueShutDown,
  TaskDoneError,
  NotAcquiredError,
  TooManyReleasesError,
  CancelledError,
  TimeoutError,
  TaskGroupClosedError,
  IteratorFusedError,
  PoolClosedError,
  PoolQueueFullError,
  WorkerCrashedError,
  isCancellation,
} from './errors.js';
