/**
 * How it works: a ring buffer whose capacity is a power of two, so a slot index wraps with a
 * bit mask instead of a division.
 *
 *   slots:  [ d | e | . | . | a | b | c ]      head → a, size 5: a b c d e
 *                      tail = (head + size) & mask
 *
 * push writes at the tail; shift reads at the head and clears the slot (so the buffer does not
 * keep items alive); a full buffer doubles, copying the items in order. Both are O(1) amortized,
 * where `Array#shift` is O(n).
 */
export class Fifo<T> {
  #slots: (T | undefined)[] = new Array<T | undefined>(16);
  #mask = 15;
  #head = 0;
  #size = 0;

  /** How many items are stored. */
  get size(): number {
    return this.#size;
  }

  /** Appends at the back. */
  push(item: T): void {
    if (this.#size > this.#mask) this.#grow();
    this.#slots[(this.#head + this.#size) & this.#mask] = item;
    this.#size++;
  }

  /** Removes and returns the front item; the caller checks `size` first. */
  shift(): T {
    const item = this.#slots[this.#head] as T;
    this.#slots[this.#head] = undefined;
    this.#head = (this.#head + 1) & this.#mask;
    this.#size--;
    return item;
  }

  /** Removes every item. */
  clear(): void {
    this.#slots = new Array<T | undefined>(16);
    this.#mask = 15;
    this.#head = 0;
    this.#size = 0;
  }

  #grow(): void {
    const slots = new Array<T | undefined>(this.#slots.length * 2);
    for (let i = 0; i < this.#size; i++) slots[i] = this.#slots[(this.#head + i) & this.#mask];
    this.#slots = slots;
    this.#mask = slots.length - 1;
    this.#head = 0;
  }
}
