// Sources that record what was done to them, for tests of laziness and closing.

/** What a probe saw: how many items were pulled, and whether `return()` closed it. */
export interface ProbeLog {
  pulled: number;
  closed: boolean;
}

/** A sync generator of `0 … n-1` (forever when n is Infinity) that logs pulls and closing. */
export function syncProbe(n = Infinity): { source: Iterable<number>; log: ProbeLog } {
  const log: ProbeLog = { pulled: 0, closed: false };
  function* run(): Generator<number> {
    try {
      for (let i = 0; i < n; i++) {
        log.pulled++;
        yield i;
      }
    } finally {
      log.closed = true;
    }
  }
  return { source: run(), log };
}

/** The async twin of `syncProbe`. */
export function asyncProbe(n = Infinity): { source: AsyncIterable<number>; log: ProbeLog } {
  const { source, log } = syncProbe(n);
  const iterator = source[Symbol.iterator]();
  const asyncSource: AsyncIterableIterator<number> = {
    [Symbol.asyncIterator]() {
      return this;
    },
    next: async () => iterator.next(),
    return: async () => {
      iterator.return?.();
      return { value: undefined, done: true };
    },
  };
  return { source: asyncSource, log };
}

/** An async iterable over `items` (each item after a microtask). */
export async function* fromArray<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

/** Resolves after the current microtasks and one macrotask turn. */
export function tick(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A seeded pseudo-random generator (mulberry32), for reproducible stress tests. */
export { mulberry32 as seeded } from '@scalable-ts/test-support';
