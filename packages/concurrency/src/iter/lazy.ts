/** The result type of the iteration helpers, and how a stage becomes one. */
import { AsyncPipeline, SyncPipeline } from './pipeline.js';
import { checkSource, isSync, type AnyIterable } from './source.js';
import type { Stage } from './stage.js';

/**
 * What a helper returns for a source of type `S`: an `IterableIterator` for a sync source, an
 * `AsyncIterableIterator` for an async one (whose callbacks' promises are awaited).
 */
export type Lazy<S, U> = S extends Iterable<unknown> ? IterableIterator<U> : AsyncIterableIterator<Awaited<U>>;

/** Wraps `source` and a stage into a pipeline of the source's kind. */
export function pipe<S extends AnyIterable<unknown>, U>(source: S, stage: Stage<never, U>): Lazy<S, U> {
  checkSource('source', source);
  const anyStage = stage as unknown as Stage<unknown, unknown>;
  const pipeline = isSync(source) ? new SyncPipeline<U>(source, anyStage) : new AsyncPipeline<U>(source, anyStage);
  return pipeline as unknown as Lazy<S, U>;
}
