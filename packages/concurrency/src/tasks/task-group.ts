/**
 * How it works: structured concurrency (Python 3.11's `asyncio.TaskGroup`, Trio's nursery).
 * Every child runs with the group's signal. The first child to fail aborts that signal (with a
 * `CancelledError` whose `cause` is the failure), which tells its siblings to stop. `join()`
 * waits until the number of running children is 0, however many were spawned meanwhile, and
 * only then settles; after that, `spawn` throws. So when a group settles, none of its children
 * is still running, whatever happened.
 *
 * Errors are sorted when a child rejects: once the signal has aborted, a rejection with the
 * signal's reason or with a cancellation error (`CancelledError`, `AbortError`) means the child
 * obeyed the abort and is not a failure; anything else is, and goes into the `AggregateError`.
 */
import { CancelledError, TaskGroupClosedError, isCancellation } from '../errors.js';
import { LinkedController } from '../internal/abort.js';
import { WaitList } from '../internal/wait-list.js';
import { checkFunction } from '../internal/validate.js';
import type { AbortOptions } from '../types.js';
import { startWork } from './work.js';

/**
 * A scope for concurrent tasks that never outlives them. Spawn children; `join()` waits for all
 * of them; the first failure aborts the rest through their signal, and `join()` then rejects
 * with an `AggregateError` of the real failures (not of the cancellations). Aborting
 * `options.signal` (or calling `abort()`) cancels every child; `join()` then rejects with the
 * reason.
 *
 * @example
 * ```ts
 * const [user, orders] = await TaskGroup.run(async (group) => {
 *   const user = group.spawn((signal) => fetchJson(`/users/${id}`, { signal }));
 *   const orders = group.spawn((signal) => fetchJson(`/orders?user=${id}`, { signal }));
 *   return [await user, await orders];
 * }); // if either request fails, the other is aborted and run() rejects
 * ```
 */
export class TaskGroup {
  readonly #link: LinkedController;
  readonly #idle = new WaitList();
  readonly #failures: unknown[] = [];
  #running = 0;
  #closed = false;

  /** @param options - `signal`: aborting it cancels the group. */
  constructor(options: AbortOptions = {}) {
    this.#link = new LinkedController(options.signal);
  }

  /**
   * Runs `body` as the group's first child and waits for every child; resolves with what `body`
   * returned, or rejects as `join()` does.
   */
  static async run<T>(body: (group: TaskGroup) => T | PromiseLike<T>, options: AbortOptions = {}): Promise<T> {
    checkFunction('body', body);
    const group = new TaskGroup(options);
    const result = group.spawn(() => body(group));
    await group.join();
    return result;
  }

  /** The signal every child receives; it aborts on the first failure or on cancellation. */
  get signal(): AbortSignal {
    return this.#link.signal;
  }

  /** How many children have not settled yet. */
  get running(): number {
    return this.#running;
  }

  /**
   * Starts a child: calls `fn(signal)` now and returns its promise (which the group watches,
   * so leaving it unawaited is safe). If the group is already cancelled, `fn` is not called
   * and the promise rejects with the cancellation reason. Throws `TaskGroupClosedError` after
   * the group has settled.
   */
  spawn<T>(fn: (signal: AbortSignal) => T | PromiseLike<T>): Promise<T> {
    if (this.#closed) throw new TaskGroupClosedError();
    checkFunction('fn', fn);
    const signal = this.#link.signal;
    if (signal.aborted) {
      const cancelled = Promise.reject(signal.reason);
      cancelled.catch(() => undefined);
      return cancelled;
    }
    this.#running++;
    const child = startWork(fn, signal);
    child.then(
      () => this.#settled(),
      (error: unknown) => {
        this.#fail(error);
        this.#settled();
      },
    );
    return child;
  }

  /** Cancels every child through the group's signal (default reason: a `CancelledError`). */
  abort(reason: unknown = new CancelledError('The task group was aborted')): void {
    this.#link.abort(reason);
  }

  /**
   * Waits until every child has settled (children spawned meanwhile included), then closes the
   * group. Rejects with an `AggregateError` of the failures if any child failed, or with the
   * cancellation reason if the group was cancelled.
   */
  async join(): Promise<void> {
    while (this.#running > 0) await this.#idle.park();
    this.#closed = true;
    this.#link.dispose();
    const failures = this.#failures;
    if (failures.length > 0) {
      throw new AggregateError(failures, `${failures.length} task${failures.length === 1 ? '' : 's'} of the group failed`);
    }
    if (this.#link.signal.aborted) throw this.#link.signal.reason;
  }

  #fail(error: unknown): void {
    const signal = this.#link.signal;
    if (signal.aborted && (error === signal.reason || isCancellation(error))) return;
    this.#failures.push(error);
    if (!signal.aborted) this.#link.abort(new CancelledError('A sibling task failed', { cause: error }));
  }

  #settled(): void {
    this.#running--;
    if (this.#running === 0) this.#idle.resolveAll();
  }
}
