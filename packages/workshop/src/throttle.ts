/**
 * At most one call per interval: the first call goes through at once, later ones within the
 * interval collapse into one trailing call with the latest arguments. Streaming outputs use it so
 * a cell printing ten thousand lines re-renders a few times a second, not ten thousand times.
 */

/** A throttled function; `cancel()` drops a pending trailing call. */
export interface Throttled<A extends unknown[]> {
  (...args: A): void;
  cancel(): void;
}

/**
 * Throttle `fn` to one call per `ms`.
 *
 * @example
 * ```ts
 * const send = throttle((outputs: Output[]) => broadcast(outputs), 50);
 * kernel.execute(code, { onOutput: send });
 * ```
 */
export function throttle<A extends unknown[]>(fn: (...args: A) => void, ms: number): Throttled<A> {
  let last = -Infinity;
  let timer: NodeJS.Timeout | undefined;
  let pending: A | undefined;
  const fire = () => {
    timer = undefined;
    last = performance.now();
    const args = pending as A;
    pending = undefined;
    fn(...args);
  };
  const throttled = (...args: A) => {
    pending = args;
    if (timer) return;
    const wait = last + ms - performance.now();
    if (wait <= 0) fire();
    else timer = setTimeout(fire, wait);
  };
  throttled.cancel = () => {
    clearTimeout(timer);
    timer = undefined;
    pending = undefined;
  };
  return throttled;
}
