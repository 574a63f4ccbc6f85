/**
 * How it works
 *
 * A download's progress is a set of byte ranges already on disk, kept as a sorted list of
 * disjoint, non-adjacent half-open intervals [start, end):
 *
 *     file:  0         100        250   300            500
 *            [=========)          [=====)              )
 *     done:  [[0, 100], [250, 300]]          missing(500): [[100, 250], [300, 500]]
 *
 * `add` merges a written range into the list, joining neighbours that touch, so the list stays as
 * short as the number of gaps (with n connections writing forwards, at most n + 1 entries): adding
 * is O(entries), which is tiny. `prefixEnd` is where the contiguous run from byte 0 ends (100
 * above): everything before it can be hashed in order.
 *
 * `planPieces` cuts what is missing into the requests to make: pieces of at most `chunkSize`
 * bytes, and smaller when the whole remainder is small, so that every connection gets work.
 * Connections take pieces in file order, so the done list stays short and the hashed prefix moves.
 */

/** A half-open byte range [start, end); `end` may be `Infinity` for "to the end, length unknown". */
export type ByteRange = readonly [start: number, end: number];

/** The smallest piece `planPieces` cuts when it spreads a small remainder over connections. */
export const MIN_PIECE = 64 * 1024;

/** The byte ranges already written, as a sorted list of disjoint intervals. */
export class ByteRanges {
  readonly #ranges: [number, number][] = [];
  #covered = 0;

  /** @param ranges - initial ranges, in any order; overlapping ones merge. */
  constructor(ranges: Iterable<ByteRange> = []) {
    for (const [start, end] of ranges) this.add(start, end);
  }

  /** How many bytes the ranges cover. */
  get covered(): number {
    return this.#covered;
  }

  /** The end of the run that starts at byte 0 (0 when byte 0 is missing). */
  get prefixEnd(): number {
    const first = this.#ranges[0];
    return first !== undefined && first[0] === 0 ? first[1] : 0;
  }

  /** Marks [start, end) as written, merging with the ranges it overlaps or touches. */
  add(start: number, end: number): void {
    if (!(end > start)) return;
    const ranges = this.#ranges;
    let i = 0;
    while (i < ranges.length && ranges[i]![1] < start) i++; // first range that may touch
    let j = i;
    let lo = start;
    let hi = end;
    let removed = 0;
    while (j < ranges.length && ranges[j]![0] <= end) {
      const [s, e] = ranges[j]!;
      lo = Math.min(lo, s);
      hi = Math.max(hi, e);
      removed += e - s;
      j++;
    }
    ranges.splice(i, j - i, [lo, hi]);
    this.#covered += hi - lo - removed;
  }

  /** Whether [start, end) is entirely written. */
  has(start: number, end: number): boolean {
    return end <= start || this.#ranges.some(([s, e]) => s <= start && end <= e);
  }

  /** The ranges of [0, size) not yet written, in order (`size` may be `Infinity`). */
  missing(size: number): ByteRange[] {
    const gaps: ByteRange[] = [];
    let at = 0;
    for (const [s, e] of this.#ranges) {
      if (s >= size) break;
      if (s > at) gaps.push([at, s]);
      at = e;
    }
    if (at < size) gaps.push([at, size]);
    return gaps;
  }

  /** A copy of the ranges, for saving. */
  toJSON(): [number, number][] {
    return this.#ranges.map(([s, e]) => [s, e]);
  }
}

/** How to cut the missing ranges into requests. */
export interface PlanOptions {
  /** The largest piece, in bytes. */
  readonly chunkSize: number;
  /** How many connections will share the pieces. */
  readonly connections: number;
}

/**
 * Cuts `missing` into pieces to request, in file order: each at most `chunkSize` bytes, and at
 * most ⌈remaining ÷ connections⌉ bytes (not below {@link MIN_PIECE}) so a small remainder still
 * spreads over every connection. An infinite range stays one piece.
 *
 * @example
 * ```ts
 * planPieces([[0, 10]], { chunkSize: 4, connections: 1 }); // [[0, 4], [4, 8], [8, 10]]
 * ```
 */
export function planPieces(missing: readonly ByteRange[], options: PlanOptions): ByteRange[] {
  let remaining = 0;
  for (const [s, e] of missing) remaining += e - s;
  const share = Math.max(MIN_PIECE, Math.ceil(remaining / options.connections));
  const size = Math.max(1, Math.min(options.chunkSize, share));
  const pieces: ByteRange[] = [];
  for (const [start, end] of missing) {
    if (end === Infinity) {
      pieces.push([start, end]);
      continue;
    }
    for (let at = start; at < end; at += size) pieces.push([at, Math.min(end, at + size)]);
  }
  return pieces;
}
