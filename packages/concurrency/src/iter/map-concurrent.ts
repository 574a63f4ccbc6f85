/**
 * How it works: two loops share a window of `concurrency` permits (a `Semaphore`).
 *
 *   source ─▶ reader: acquire a permit, read an item, start fn(item) ─▶ outcomes (a Queue) ─▶ consumer
 *                     ▲                                                                     │
 *                     └──────────────── permit released when the consumer asks for more ────┘
 *
 * The reader takes a permit before it reads each item, and the consumer gives it back only when
 * it comes back for the next result, so at most `concurrency` items are read and not yet
 * consumed: calls in flight plus results waiting. That is the backpressure: a slow consumer
 * stops the reader, and a slow source never gets read ahead of the limit. In order mode the
 * reader queues each call's promise as it starts it, so results come out in source order (a
 * slow head holds back faster followers); unordered, each call queues its result when done.
 *
 * The first error, from a call or from the source, fails fast: the calls in flight are aborted
 * at once (not when the consumer reaches them) and the consumer's next step throws that error,
 * never the cancellations it caused. When the consumer stops (break, error, or the caller's
 * signal), the calls still running are aborted through their signal, the source is closed, and
 * `return()` resolves only after all of them have settled, so no work is left running behind
 * the loop.
 */
import { CancelledError } from '../errors.js';
import { LinkedController } from '../internal/abort.js';
import { checkFunction, checkInteger } from '../internal/validate.js';
import { Queue } from '../sync/queue.js';
import { Semaphore } from '../sync/semaphore.js';
import type { AbortOptions } from '../types.js';
import { asyncIteratorOf, checkSource, type AnyIterable } from './source.js';

/** Options of `mapConcurrent`. */
export interface MapConcurrentOptions extends AbortOptions {
  /** The most calls of `fn` at once, which is also the most items read ahead of you (>= 1). */
  readonly concurrency: number;
  /** `true` (default): results in source order; `false`: in the order they complete. */
  readonly ordered?: boolean | undefined;
}

type Outcome<U> = { readonly ok: true; readonly value: U } | { readonly ok: false; readonly error: unknown };
const END = Symbol('end');

/**
 * Maps an iterable or async iterable through an async `fn` with at most `concurrency` calls in
 * flight, yielding results as an async iterator: the Node answer to a producer/consumer
 * pipeline. `fn` receives the item, its index, and a signal that aborts when the consumer
 * stops; the first error (from `fn` or the source) aborts the calls in flight and is thrown to
 * you at your next step.
 *
 * @example
 * ```ts
 * const pages = mapConcurrent(urls, async (url, _i, signal) => (await fetch(url, { signal })).text(), {
 *   concurrency: 4,
 * });
 * for await (const page of pages) console.log(page.length); // in the order of urls
 * ```
 */
export function mapConcurrent<T, U>(
  source: AnyIterable<T>,
  fn: (item: T, index: number, signal: AbortSignal) => U | PromiseLike<U>,
  options: MapConcurrentOptions,
): AsyncIterableIterator<Awaited<U>> {
  checkSource('source', source);
  checkFunction('fn', fn);
  const concurrency = checkInteger('concurrency', options.concurrency, 1, true);
  return run(source, fn, concurrency, options.ordered ?? true, options.signal);
}

async function* run<T, U>(
  source: AnyIterable<T>,
  fn: (item: T, index: number, signal: AbortSignal) => U | PromiseLike<U>,
  concurrency: number,
  ordered: boolean,
  signal: AbortSignal | undefined,
): AsyncGenerator<Awaited<U>> {
  const stop = new LinkedController(signal);
  const window = new Semaphore(concurrency === Infinity ? Number.MAX_SAFE_INTEGER : concurrency);
  const outcomes = new Queue<Promise<Outcome<Awaited<U>> | typeof END>>();
  const running = new Set<Promise<unknown>>();
  let reading = true;
  let failure: { readonly error: unknown } | undefined;

  const fail = (error: unknown): void => {
    if (failure !== undefined || stop.signal.aborted) return;
    failure = { error };
    stop.abort(new CancelledError('mapConcurrent stopped after an error', { cause: error }));
  };

  const endIfDone = (): void => {
    if (!reading && (ordered || running.size === 0)) outcomes.putNowait(Promise.resolve(END));
  };
  const launch = (item: T, index: number): void => {
    const call = (async () => fn(item, index, stop.signal))().then(
      (value): Outcome<Awaited<U>> => ({ ok: true, value: value as Awaited<U> }),
      (error: unknown): Outcome<Awaited<U>> => ({ ok: false, error }),
    );
    running.add(call);
    if (ordered) outcomes.putNowait(call);
    void call.then((outcome) => {
      running.delete(call);
      if (!outcome.ok) fail(outcome.error);
      if (!ordered) outcomes.putNowait(Promise.resolve(outcome));
      endIfDone();
    });
  };
  const read = async (): Promise<void> => {
    const iterator = asyncIteratorOf(source);
    let close = true;
    try {
      for (let index = 0; ; index++) {
        await window.acquire({ signal: stop.signal });
        let next: IteratorResult<T>;
        try {
          next = await iterator.next();
        } catch (error) {
          close = false; // a source that throws is finished
          throw error;
        }
        if (next.done === true) {
          close = false;
          break;
        }
        launch(next.value, index);
      }
    } catch (error) {
      fail(error);
    } finally {
      if (close) await Promise.resolve(iterator.return?.()).catch(() => undefined);
      reading = false;
      endIfDone();
    }
  };

  const reader = read();
  try {
    for (;;) {
      let outcome: Outcome<Awaited<U>> | typeof END;
      try {
        outcome = await (await outcomes.get({ signal: stop.signal }));
      } catch (error) {
        throw failure === undefined ? error : failure.error;
      }
      if (outcome === END) return;
      if (!outcome.ok) throw failure === undefined ? outcome.error : failure.error;
      yield outcome.value;
      window.release();
    }
  } finally {
    stop.abort(new CancelledError('mapConcurrent was stopped'));
    await reader;
    await Promise.all(running);
    stop.dispose();
  }
}
