/**
 * Code written once for sync and async iteration: a step returns either a value or a promise
 * of it, and `andThen` continues synchronously when it can. A sync pipeline never sees a promise
 * here; an async one pays for a microtask only where a callback really returned a promise.
 */

/** A value, or a promise of it. */
export type MaybePromise<T> = T | Promise<T>;

/** True for anything with a callable `then`, as `await` decides. */
export function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/** Applies `next` to `value` now, or once it resolves if it is a promise. */
export function andThen<T, U>(value: MaybePromise<T>, next: (value: T) => MaybePromise<U>): MaybePromise<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}
