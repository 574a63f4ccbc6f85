/** `toArray`: collect a sync or async iterable (Node 20 has no `Array.fromAsync`). */
import { SyncPipeline } from './pipeline.js';
import { checkSource, isSync, type AnyIterable, type ItemOf } from './source.js';

/** An array for a sync source; a promise of one for an async source. */
export type Collected<S, T> = S extends Iterable<unknown> ? T[] : Promise<T[]>;

/**
 * Reads the whole source into an array: at once for a sync source, as a promise for an async
 * one. Never call it on an infinite source without `take` first.
 *
 * @example
 * ```ts
 * toArray(take(count(), 3));                 // [0, 1, 2]
 * await toArray(map(asyncLines, (l) => l.length));
 * ```
 */
export function toArray<S extends AnyIterable<unknown>>(source: S): Collected<S, ItemOf<S>> {
  checkSource('source', source);
  const all = source as AnyIterable<ItemOf<S>>;
  if (all instanceof SyncPipeline) {
    const items: ItemOf<S>[] = [];
    (all as SyncPipeline<ItemOf<S>>).drain((item) => items.push(item));
    return items as Collected<S, ItemOf<S>>;
  }
  return (isSync(all) ? Array.from(all) : collect(all)) as Collected<S, ItemOf<S>>;
}

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of source) items.push(item);
  return items;
}
