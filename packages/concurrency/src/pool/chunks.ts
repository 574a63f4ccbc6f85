/**
 * How it works: `map` over a pool. Inputs (items, or argument lists) are grouped into chunks of `chunkSize`; each
 * chunk is one job (one message each way, so tiny items do not each pay a round trip). At most
 * `window` chunks are in flight, so an endless or huge source is read only as results are
 * consumed (backpressure). Results come out in input order (`ordered`) or as chunks finish.
 * Stopping early, or the first failing chunk, aborts the chunks still in flight.
 */
import { Fifo } from '../internal/fifo.js';

/** Runs one chunk of inputs, answering one result per input. */
export type RunChunk<I> = (chunk: I[], signal: AbortSignal) => Promise<unknown[]>;

/** Settings of `mapChunks`. */
export interface ChunkOptions {
  readonly chunkSize: number;
  /** Chunks in flight at most. */
  readonly window: number;
  readonly ordered: boolean;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Python's default `chunksize` for `Pool.map`: the items divided by four times the pool size,
 * rounded up (at least 1).
 *
 * @example
 * ```ts
 * defaultChunkSize(100_000, 2); // 12500
 * ```
 */
export function defaultChunkSize(items: number, poolSize: number): number {
  return Math.max(1, Math.ceil(items / (poolSize * 4)));
}

function* chunked<I>(inputs: Iterable<I>, size: number): Generator<I[]> {
  if (Array.isArray(inputs)) {
    for (let start = 0; start < inputs.length; start += size) yield inputs.slice(start, start + size) as I[];
    return;
  }
  let chunk: I[] = [];
  for (const input of inputs) {
    chunk.push(input);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** Yields the results of running every input (an item or an argument list) through `run`, one by one. */
export async function* mapChunks<I>(run: RunChunk<I>, inputs: Iterable<I>, options: ChunkOptions): AsyncGenerator<unknown, void, undefined> {
  for await (const results of mapChunkResults(run, inputs, options)) yield* results;
}

/**
 * Yields the results chunk by chunk (one array per chunk): what `map` collects, without paying
 * an async iteration per item.
 */
export async function* mapChunkResults<I>(run: RunChunk<I>, inputs: Iterable<I>, options: ChunkOptions): AsyncGenerator<unknown[], void, undefined> {
  const controller = new AbortController();
  const signal = options.signal === undefined ? controller.signal : AbortSignal.any([controller.signal, options.signal]);
  const chunks = chunked(inputs, options.chunkSize);
  const ordered = new Fifo<Promise<unknown[]>>();
  const unordered = new Map<number, Promise<[number, unknown[]]>>();
  let next = 0;
  const inFlight = () => ordered.size + unordered.size;
  const fill = () => {
    while (inFlight() < options.window) {
      const step = chunks.next();
      if (step.done) return;
      const promise = run(step.value, signal);
      promise.catch(() => undefined); // observed below, or dropped when we stop early
      if (options.ordered) ordered.push(promise);
      else {
        const key = next++;
        const tagged = promise.then((values): [number, unknown[]] => [key, values]);
        tagged.catch(() => undefined);
        unordered.set(key, tagged);
      }
    }
  };
  try {
    fill();
    while (inFlight() > 0) {
      let values: unknown[];
      if (options.ordered) values = await ordered.shift();
      else {
        const [key, done] = await Promise.race(unordered.values());
        unordered.delete(key);
        values = done;
      }
      fill();
      yield values;
    }
  } finally {
    controller.abort();
  }
}
