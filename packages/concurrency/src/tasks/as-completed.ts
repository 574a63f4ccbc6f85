/** `asCompleted`: results in the order the work finishes. */
import { CancelledError } from '../errors.js';
import { LinkedController } from '../internal/abort.js';
import { Queue } from '../sync/queue.js';
import type { AbortOptions } from '../types.js';
import { startWork, type Settled, type Work } from './work.js';

/**
 * Starts every piece of work at once and yields their results as they finish, fastest first
 * (Python's `asyncio.as_completed`). A failure is thrown from the loop when its turn comes.
 * When the loop ends early (break, a failure, or `options.signal`), the functions still
 * running are aborted through their signal.
 *
 * @example
 * ```ts
 * for await (const reply of asCompleted(mirrors.map((m) => (signal) => fetch(m, { signal })))) {
 *   console.log('first mirror answered', reply.url);
 *   break; // the other requests are aborted
 * }
 * ```
 */
export function asCompleted<T>(works: Iterable<Work<T>>, options: AbortOptions = {}): AsyncIterableIterator<T> {
  const link = new LinkedController(options.signal);
  const finished = new Queue<Settled<T>>();
  let total = 0;
  for (const work of works) {
    const index = total++;
    startWork(work, link.signal).then(
      (value) => finished.putNowait({ index, status: 'fulfilled', value }),
      (reason: unknown) => finished.putNowait({ index, status: 'rejected', reason }),
    );
  }
  return results(finished, total, link);
}

async function* results<T>(finished: Queue<Settled<T>>, total: number, link: LinkedController): AsyncGenerator<T> {
  try {
    for (let i = 0; i < total; i++) {
      const outcome = await finished.get({ signal: link.signal });
      if (outcome.status === 'rejected') throw outcome.reason;
      yield outcome.value;
    }
  } finally {
    link.abort(new CancelledError('asCompleted was stopped'));
    link.dispose();
  }
}
