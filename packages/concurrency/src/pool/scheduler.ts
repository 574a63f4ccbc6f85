/**
 * How it works: the scheduler behind `WorkerPool` and `ProcessPool`. It owns `size` slots, each
 * one channel (worker) running at most one job, a stack of idle slots and a `TaskQueue` of
 * jobs waiting for one.
 *
 *   submit ──▶ idle slot? ──yes──▶ post to it (ref'd while busy)
 *                  │no
 *                  ▼
 *            queue (bounded: PoolQueueFullError) ──▶ the next slot to answer takes it
 *
 * A job settles exactly once (`#settle` drops later outcomes). A reply frees its slot, which
 * takes the next queued job or goes idle (unref'd, so idle workers never keep the process
 * alive). A slot whose channel exits rejects its job with `WorkerCrashedError` and is replaced;
 * aborting a running job rejects it with the signal's reason and terminates its channel, which
 * is then replaced the same way. `close` refuses new jobs, optionally cancels queued (and,
 * without `wait`, running) jobs, waits for the rest, then terminates every channel and resolves
 * once all have exited.
 */
import type { TransferListItem } from 'node:worker_threads';
import { CancelledError, PoolClosedError, PoolQueueFullError, WorkerCrashedError } from '../errors.js';
import type { Channel, Spawn } from './channel.js';
import { deserializeError, type Reply, type Request } from './protocol.js';
import { FifoTaskQueue, type TaskQueue } from './task-queue.js';

/** Options of one submitted job. */
export interface JobOptions {
  readonly signal?: AbortSignal | undefined;
  readonly transfer?: readonly TransferListItem[] | undefined;
}

/** Counters of a pool (see `WorkerPool.stats`). */
export interface PoolStats {
  /** The configured number of workers. */
  readonly size: number;
  /** Workers alive now (briefly below `size` while a crashed one is replaced). */
  readonly workers: number;
  /** Workers running a task. */
  readonly busy: number;
  /** Tasks waiting for a worker. */
  readonly queued: number;
  /** Tasks that resolved. */
  readonly completed: number;
  /** Tasks that rejected because they threw or their worker crashed. */
  readonly failed: number;
  /** Tasks rejected by their signal or by `close`. */
  readonly cancelled: number;
  /** Share of worker time spent running tasks since the pool started, in [0, 1]. */
  readonly utilization: number;
}

/** Options of `close`. */
export interface CloseOptions {
  /**
   * `true` (default): wait for running tasks (and queued ones unless `cancelPending`).
   * `false`: reject running and queued tasks with `CancelledError` and terminate now.
   */
  readonly wait?: boolean | undefined;
  /** Reject queued tasks with `CancelledError` instead of running them (Python's `cancel_futures`). */
  readonly cancelPending?: boolean | undefined;
}

interface Job {
  readonly id: number;
  readonly request: Request;
  readonly transfer: readonly TransferListItem[] | undefined;
  readonly signal: AbortSignal | undefined;
  readonly resolve: (value: unknown) => void;
  readonly reject: (reason: unknown) => void;
  onAbort: (() => void) | undefined;
  slot: Slot | undefined;
  settled: boolean;
}

interface Slot {
  channel: Channel;
  job: Job | undefined;
  tasksRun: number;
  busySince: number;
  retiring: boolean;
}

/** Settings of a scheduler. */
export interface SchedulerOptions {
  readonly size: number;
  readonly maxQueue: number;
  /** Replace a worker after it ran this many jobs (Python's `maxtasksperchild`). */
  readonly maxTasksPerWorker: number;
  readonly queue?: TaskQueue<object> | undefined;
}

/** Runs jobs on a fixed number of channels. */
export class Scheduler {
  readonly #spawn: Spawn;
  readonly #size: number;
  readonly #maxQueue: number;
  readonly #maxTasks: number;
  readonly #queue: TaskQueue<Job>;
  readonly #slots = new Set<Slot>();
  readonly #idle: Slot[] = [];
  readonly #started = performance.now();
  #live = 0;
  #nextId = 0;
  #closed = false;
  #completed = 0;
  #failed = 0;
  #cancelled = 0;
  #busyTime = 0;
  #running = 0;
  #drained: (() => void) | undefined;
  #allExited: (() => void) | undefined;
  #closing: Promise<void> | undefined;

  constructor(spawn: Spawn, options: SchedulerOptions) {
    this.#spawn = spawn;
    this.#size = options.size;
    this.#maxQueue = options.maxQueue;
    this.#maxTasks = options.maxTasksPerWorker;
    this.#queue = (options.queue as TaskQueue<Job> | undefined) ?? new FifoTaskQueue<Job>();
    for (let i = 0; i < this.#size; i++) this.#addSlot();
  }

  /** Submits a job; the promise settles with its result. */
  submit(request: Request, options: JobOptions = {}): Promise<unknown> {
    if (this.#closed) return Promise.reject(new PoolClosedError());
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const slot = this.#idle.pop();
    if (slot === undefined && this.#queue.size >= this.#maxQueue) return Promise.reject(new PoolQueueFullError(this.#maxQueue));
    return new Promise((resolve, reject) => {
      const job: Job = { id: this.#nextId++, request, transfer: options.transfer, signal, resolve, reject, onAbort: undefined, slot: undefined, settled: false };
      if (signal !== undefined) {
        job.onAbort = () => this.#abort(job);
        signal.addEventListener('abort', job.onAbort, { once: true });
      }
      if (slot !== undefined) this.#dispatch(slot, job);
      else this.#queue.push(job);
    });
  }

  /** A snapshot of the counters. */
  stats(): PoolStats {
    const now = performance.now();
    let busyTime = this.#busyTime;
    for (const slot of this.#slots) if (slot.job !== undefined) busyTime += now - slot.busySince;
    const elapsed = (now - this.#started) * this.#size;
    return {
      size: this.#size,
      workers: this.#live,
      busy: this.#running,
      queued: this.#queue.size,
      completed: this.#completed,
      failed: this.#failed,
      cancelled: this.#cancelled,
      utilization: elapsed > 0 ? Math.min(1, busyTime / elapsed) : 0,
    };
  }

  /** True once `close` was called. */
  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Stops accepting jobs, finishes or cancels the rest, and ends every channel. Calling it again
   * returns the same promise (a later `wait: false` or `cancelPending` still cancels).
   */
  close(options: CloseOptions = {}): Promise<void> {
    const wait = options.wait ?? true;
    this.#closed = true;
    if (!wait || options.cancelPending) {
      for (let job = this.#queue.shift(); job !== undefined; job = this.#queue.shift()) this.#cancel(job);
    }
    if (!wait) {
      for (const slot of this.#slots) if (slot.job !== undefined) this.#cancel(slot.job);
    }
    return (this.#closing ??= this.#shutDown());
  }

  async #shutDown(): Promise<void> {
    if (this.#running > 0 || this.#queue.size > 0) await new Promise<void>((resolve) => (this.#drained = resolve));
    if (this.#live > 0) {
      const exited = new Promise<void>((resolve) => (this.#allExited = resolve));
      // ref'd, so the process stays alive until the exits (that close() awaits) arrive
      for (const slot of this.#slots) {
        slot.channel.ref();
        slot.channel.terminate();
      }
      await exited;
    }
  }

  #addSlot(): void {
    const slot: Slot = { channel: undefined as unknown as Channel, job: undefined, tasksRun: 0, busySince: 0, retiring: false };
    slot.channel = this.#spawn({
      message: (reply) => this.#onReply(slot, reply),
      exit: (code, error, signal) => this.#onExit(slot, code, error, signal),
    });
    this.#slots.add(slot);
    this.#live++;
    this.#makeIdle(slot);
  }

  #dispatch(slot: Slot, job: Job): void {
    slot.job = job;
    slot.busySince = performance.now();
    job.slot = slot;
    this.#running++;
    slot.channel.ref();
    slot.channel.post({ id: job.id, ...job.request }, job.transfer);
  }

  #makeIdle(slot: Slot): void {
    const next = this.#queue.shift();
    if (next !== undefined) return this.#dispatch(slot, next);
    slot.channel.unref();
    this.#idle.push(slot);
    this.#checkDrained();
  }

  #free(slot: Slot): void {
    this.#busyTime += performance.now() - slot.busySince;
    slot.job = undefined;
    this.#running--;
  }

  #onReply(slot: Slot, reply: Reply): void {
    const job = slot.job;
    if (job === undefined || job.id !== reply.id) return;
    this.#free(slot);
    if (reply.ok) {
      if (this.#settle(job)) {
        this.#completed++;
        job.resolve(reply.value);
      }
    } else if (this.#settle(job)) {
      this.#failed++;
      job.reject(deserializeError(reply.error));
    }
    if (++slot.tasksRun >= this.#maxTasks) return this.#retire(slot);
    this.#makeIdle(slot);
  }

  #onExit(slot: Slot, code: number | null, error: unknown, signal: NodeJS.Signals | null | undefined): void {
    this.#slots.delete(slot);
    this.#live--;
    const idleAt = this.#idle.indexOf(slot);
    if (idleAt >= 0) this.#idle.splice(idleAt, 1);
    const job = slot.job;
    if (job !== undefined) {
      this.#free(slot);
      if (this.#settle(job)) {
        this.#failed++;
        job.reject(new WorkerCrashedError(slot.channel.kind, code, { signal, ...(error !== undefined && { cause: error }) }));
      }
    }
    if (!this.#closed || this.#queue.size > 0) this.#addSlot();
    this.#checkDrained();
    if (this.#live === 0) this.#allExited?.();
  }

  /** Ends a slot's channel on purpose (aborted job, maxTasksPerWorker); its exit replaces it. */
  #retire(slot: Slot): void {
    slot.retiring = true;
    slot.channel.terminate();
  }

  #abort(job: Job): void {
    if (job.settled) return;
    if (job.slot === undefined) this.#queue.remove(job);
    this.#stop(job, job.signal?.reason);
  }

  #cancel(job: Job): void {
    const when = job.slot === undefined ? 'before this task ran' : 'while this task ran (close({ wait: false }))';
    this.#stop(job, new CancelledError(`The pool was closed ${when}`));
  }

  /** Rejects a cancelled job; a running one's channel is ended (and replaced on exit). */
  #stop(job: Job, reason: unknown): void {
    const slot = job.slot;
    if (slot !== undefined) {
      this.#free(slot);
      this.#retire(slot);
    }
    if (this.#settle(job)) {
      this.#cancelled++;
      job.reject(reason);
    }
  }

  /** Marks a job settled; false if it already was. */
  #settle(job: Job): boolean {
    if (job.settled) return false;
    job.settled = true;
    if (job.onAbort !== undefined) job.signal?.removeEventListener('abort', job.onAbort);
    return true;
  }

  #checkDrained(): void {
    if (this.#drained !== undefined && this.#running === 0 && this.#queue.size === 0) {
      const drained = this.#drained;
      this.#drained = undefined;
      drained();
    }
  }
}
