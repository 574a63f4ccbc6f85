/** What the iteration helpers accept, and how they tell sync sources from async ones. */
import { invalidType } from '../internal/validate.js';

/** Anything `for…of` or `for await…of` can loop over. */
export type AnyIterable<T> = Iterable<T> | AsyncIterable<T>;

/** The item type of a sync or async iterable. */
export type ItemOf<S> = S extends Iterable<infer T> ? T : S extends AsyncIterable<infer T> ? T : never;

/**
 * True when `source` is iterated synchronously: it has `Symbol.iterator`. A value with both
 * protocols counts as sync, as the TypeScript overloads (which list `Iterable` first) do.
 */
export function isSync<T>(source: AnyIterable<T>): source is Iterable<T> {
  return typeof (source as Partial<Iterable<T>>)[Symbol.iterator] === 'function';
}

/** Throws a `TypeError` unless `source` is iterable one way or the other. */
export function checkSource(name: string, source: unknown): void {
  const ok =
    source !== null &&
    source !== undefined &&
    (typeof (source as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function' ||
      typeof (source as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] === 'function');
  if (!ok) throw invalidType(name, 'an iterable or async iterable', source);
}

/** An async iterator over any source; a sync source's promised items are awaited, as `for await` does. */
export function asyncIteratorOf<T>(source: AnyIterable<T>): AsyncIterator<T> {
  return isSync(source) ? fromSync(source) : source[Symbol.asyncIterator]();
}

async function* fromSync<T>(source: Iterable<T>): AsyncGenerator<T> {
  for (const item of source) yield item;
}
