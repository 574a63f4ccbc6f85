/**
 * How it works: the callers parked on a primitive (getters of an empty queue, acquirers of a
 * held lock, jobs over a limit), oldest first, in a doubly linked list.
 *
 *   head ⇄ w1 ⇄ w2 ⇄ w3 ⇄ tail        park() appends; shift() takes w1 (FIFO fairness)
 *          └─ aborted: unlinks itself in O(1) and rejects with signal.reason
 *
 * Invariant: a waiter is linked exactly while its promise is unsettled, and has an abort
 * listener exactly while it is linked. `shift()` unlinks the waiter and removes its listener
 * before the owner settles it, so once handed a value (an item, the lock) a waiter keeps it
 * even if its signal aborts a moment later; an aborted waiter is never handed anything. That is
 * what makes "no item lost, none duplicated, no waiter leaked" hold under random aborts.
 */

/** A parked caller, as `shift()` hands it to the owner to settle. */
export interface Waiter<P, R> {
  /** What the caller brought (an item to put, a job to run); `undefined` for plain waits. */
  readonly payload: P;
  /** Settles the caller's promise with a value. */
  resolve(value: R | PromiseLike<R>): void;
  /** Settles the caller's promise with an error. */
  reject(reason: unknown): void;
}

class Node<P, R> implements Waiter<P, R> {
  prev: Node<P, R> | undefined = undefined;
  next: Node<P, R> | undefined = undefined;
  resolve!: (value: R | PromiseLike<R>) => void;
  reject!: (reason: unknown) => void;
  onAbort: (() => void) | undefined = undefined;

  constructor(
    readonly payload: P,
    readonly signal: AbortSignal | undefined,
  ) {}
}

/** A FIFO of parked callers whose waits can be aborted. */
export class WaitList<P = void, R = void> {
  #head: Node<P, R> | undefined = undefined;
  #tail: Node<P, R> | undefined = undefined;
  #size = 0;

  /** How many callers are parked. */
  get size(): number {
    return this.#size;
  }

  /**
   * Parks a caller at the back. The promise settles when the owner shifts it and settles it, or
   * rejects with `signal.reason` if the signal aborts first (already aborted: at once, unparked).
   * `onAbort` runs after an aborted waiter is unlinked, for owners that must react.
   */
  park(payload: P, signal?: AbortSignal, onAbort?: () => void): Promise<R> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const node = new Node<P, R>(payload, signal);
    const promise = new Promise<R>((resolve, reject) => {
      node.resolve = resolve;
      node.reject = reject;
    });
    if (signal !== undefined) {
      node.onAbort = () => {
        this.#unlink(node);
        node.reject(signal.reason);
        onAbort?.();
      };
      signal.addEventListener('abort', node.onAbort, { once: true });
    }
    node.prev = this.#tail;
    if (this.#tail === undefined) this.#head = node;
    else this.#tail.next = node;
    this.#tail = node;
    this.#size++;
    return promise;
  }

  /** Unparks the oldest caller, for the owner to settle; `undefined` when none is parked. */
  shift(): Waiter<P, R> | undefined {
    const node = this.#head;
    if (node === undefined) return undefined;
    this.#unlink(node);
    if (node.onAbort !== undefined) node.signal?.removeEventListener('abort', node.onAbort);
    return node;
  }

  /** Unparks every caller and rejects each with a fresh error from `reason`. */
  rejectAll(reason: () => unknown): void {
    for (let waiter = this.shift(); waiter !== undefined; waiter = this.shift()) waiter.reject(reason());
  }

  /** Unparks every caller and resolves each with `value`. */
  resolveAll(value: R): void {
    for (let waiter = this.shift(); waiter !== undefined; waiter = this.shift()) waiter.resolve(value);
  }

  #unlink(node: Node<P, R>): void {
    if (node.prev === undefined) this.#head = node.next;
    else node.prev.next = node.next;
    if (node.next === undefined) this.#tail = node.prev;
    else node.next.prev = node.prev;
    node.prev = node.next = undefined;
    this.#size--;
  }
}
