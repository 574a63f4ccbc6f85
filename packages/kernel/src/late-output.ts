/**
 * Which request ran which cell, so that output a cell's async work publishes after the cell
 * finished (a kernel's {@link LateOutput}) reaches that cell: the runner reports an unhandled
 * error against it, the workshop adds the output to it.
 *
 * ```text
 *   execute(cell 3) ─► result.requestId ─► remember('ab12…', 3)
 *   ... later, iopub for 'ab12…' ─► onLateOutput ─► deliver(3, outputs)
 * ```
 *
 * At most `limit` requests are kept, the latest ones; output for a forgotten or unknown request
 * is dropped.
 */
import type { Output } from '@scalable-ts/notebook';
import type { Kernel } from './kernel.js';

/** Routes a kernel's late output to the cell (any key the caller names cells by) that caused it. */
export class LateOutputRouter<CellKey> {
  readonly #limit: number;
  readonly #cells = new Map<string, CellKey>();

  /**
   * @param limit - how many finished requests to remember (the latest); unbounded by default.
   * @throws `RangeError` when `limit` is not a positive integer or `Infinity`.
   */
  constructor(limit = Number.POSITIVE_INFINITY) {
    if (!(limit === Number.POSITIVE_INFINITY || (Number.isInteger(limit) && limit > 0))) {
      throw new RangeError(`limit must be a positive integer or Infinity, got ${String(limit)}`);
    }
    this.#limit = limit;
  }

  /** How many requests are remembered now. */
  get size(): number {
    return this.#cells.size;
  }

  /** Remembers that request `requestId` ran `cell`, forgetting the oldest past the limit. */
  remember(requestId: string, cell: CellKey): void {
    this.#cells.delete(requestId);
    this.#cells.set(requestId, cell);
    for (const oldest of this.#cells.keys()) {
      if (this.#cells.size <= this.#limit) break;
      this.#cells.delete(oldest);
    }
  }

  /** The cell request `requestId` ran, if it is remembered. */
  cellOf(requestId: string): CellKey | undefined {
    return this.#cells.get(requestId);
  }

  /**
   * Delivers `kernel`'s late output of remembered requests to `deliver`, with the cell each ran.
   * @returns a function that stops the delivery.
   */
  follow(kernel: Pick<Kernel, 'onLateOutput'>, deliver: (cell: CellKey, outputs: Output[]) => void): () => void {
    return kernel.onLateOutput(({ requestId, outputs }) => {
      const cell = this.#cells.get(requestId);
      if (cell !== undefined) deliver(cell, outputs);
    });
  }
}
