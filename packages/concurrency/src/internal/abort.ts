/**
 * Signal plumbing shared by everything that waits. The rule throughout the package: a wait that
 * is aborted rejects with `signal.reason`, and every listener it added is removed when it
 * settles either way, so a long-lived signal does not collect listeners.
 */
import { setMaxListeners } from 'node:events';

/** A signal that never aborts: what work functions receive when the caller passed none. */
export const NEVER_ABORTED: AbortSignal = new AbortController().signal;

/**
 * A controller whose signal also aborts when `parent` aborts (with the parent's reason). Call
 * `dispose()` when done, to remove the listener from the parent. Its signal may be shared by many
 * children (a task group's), so Node's "possible listener leak" warning is turned off for it.
 */
export class LinkedController {
  readonly #controller = new AbortController();
  readonly #parent: AbortSignal | undefined;
  readonly #onParentAbort = (): void => this.abort(this.#parent?.reason);

  /** @param parent - the signal to follow, if any. */
  constructor(parent?: AbortSignal) {
    setMaxListeners(0, this.#controller.signal);
    this.#parent = parent;
    if (parent === undefined) return;
    if (parent.aborted) this.#controller.abort(parent.reason);
    else parent.addEventListener('abort', this.#onParentAbort, { once: true });
  }

  /** The linked signal. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Aborts the linked signal (not the parent); a second call changes nothing. */
  abort(reason?: unknown): void {
    this.#controller.abort(reason);
  }

  /** Stops following the parent. */
  dispose(): void {
    this.#parent?.removeEventListener('abort', this.#onParentAbort);
  }
}

/**
 * Settles like `promise`, or rejects with `signal.reason` as soon as `signal` aborts, whichever
 * comes first. The promise is not cancelled (it cannot be); only the waiting stops.
 */
export function raceSignal<T>(promise: PromiseLike<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return Promise.resolve(promise);
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    const done = (): void => signal.removeEventListener('abort', onAbort);
    promise.then(
      (value) => {
        done();
        resolve(value);
      },
      (error: unknown) => {
        done();
        reject(error);
      },
    );
  });
}
