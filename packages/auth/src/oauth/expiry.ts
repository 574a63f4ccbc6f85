/**
 * A min-heap of (time, item): the authorization server pushes every code, refresh token and
 * grant with its expiry and, on each request, pops what is due. That costs O(log n) per expired
 * entry and O(1) when nothing is due, so the stores are swept at the first request after an
 * expiry without ever being scanned. An item whose expiry moves later is pushed again; its stale
 * entry pops first, and the caller sees that the item is not due yet.
 */
interface Entry<T> {
  at: number;
  item: T;
}

export class ExpiryQueue<T> {
  readonly #heap: Entry<T>[] = [];

  /** Entries queued, stale ones included. */
  get size(): number {
    return this.#heap.length;
  }

  /** Queues `item` to expire at `at`. */
  push(at: number, item: T): void {
    this.#heap.push({ at, item });
    let i = this.#heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.#at(parent) <= at) break;
      this.#swap(i, parent);
      i = parent;
    }
  }

  /** Removes every entry due at `now` (`at <= now`), earliest first, handing each item to `expire`. */
  drain(now: number, expire: (item: T) => void): void {
    while (this.#heap.length > 0 && this.#at(0) <= now) {
      this.#swap(0, this.#heap.length - 1);
      const { item } = this.#heap.pop() as Entry<T>;
      for (let i = 0; ; ) {
        const left = 2 * i + 1;
        let smallest = i;
        if (left < this.#heap.length && this.#at(left) < this.#at(smallest)) smallest = left;
        if (left + 1 < this.#heap.length && this.#at(left + 1) < this.#at(smallest)) smallest = left + 1;
        if (smallest === i) break;
        this.#swap(i, smallest);
        i = smallest;
      }
      expire(item);
    }
  }

  #at(index: number): number {
    return (this.#heap[index] as Entry<T>).at;
  }

  #swap(a: number, b: number): void {
    const heap = this.#heap;
    [heap[a], heap[b]] = [heap[b] as Entry<T>, heap[a] as Entry<T>];
  }
}
