// Model-based property tests: ByteRanges and planPieces against a plain array of booleans, one
// per byte, which is slow and obviously right.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteRanges, MIN_PIECE, planPieces, type ByteRange } from './segments.js';

const SIZE = 200;
const range = fc.tuple(fc.integer({ min: 0, max: SIZE }), fc.integer({ min: 0, max: SIZE })).map(([a, b]) => [a, b] as const);

/** The intervals of `true` in a bitmap, as a sorted list. */
function runs(bitmap: readonly boolean[], value = true): [number, number][] {
  const result: [number, number][] = [];
  for (let i = 0; i < bitmap.length; i++) {
    if (bitmap[i] !== value) continue;
    const last = result.at(-1);
    if (last !== undefined && last[1] === i) last[1] = i + 1;
    else result.push([i, i + 1]);
  }
  return result;
}

describe('ByteRanges', () => {
  it('matches a bitmap model under any sequence of adds', () => {
    fc.assert(
      fc.property(fc.array(range, { maxLength: 30 }), (adds) => {
        const bitmap = new Array<boolean>(SIZE).fill(false);
        const ranges = new ByteRanges();
        for (const [start, end] of adds) {
          ranges.add(start, end);
          for (let i = start; i < end; i++) bitmap[i] = true;
          expect(ranges.toJSON()).toEqual(runs(bitmap));
          expect(ranges.covered).toBe(bitmap.filter(Boolean).length);
          expect(ranges.prefixEnd).toBe(bitmap[0] ? runs(bitmap)[0]![1] : 0);
          expect(ranges.missing(SIZE)).toEqual(runs(bitmap, false));
        }
      }),
    );
  });

  it('answers has() like the model', () => {
    fc.assert(
      fc.property(fc.array(range, { maxLength: 10 }), range, (adds, [start, end]) => {
        const ranges = new ByteRanges(adds);
        const bitmap = new Array<boolean>(SIZE).fill(false);
        for (const [s, e] of adds) for (let i = s; i < e; i++) bitmap[i] = true;
        expect(ranges.has(start, end)).toBe(bitmap.slice(start, end).every(Boolean));
      }),
    );
  });

  it('missing() of an unknown size ends at Infinity', () => {
    expect(new ByteRanges([[0, 10], [20, 30]]).missing(Infinity)).toEqual([[10, 20], [30, Infinity]]);
    expect(new ByteRanges().missing(0)).toEqual([]);
  });
});

describe('planPieces', () => {
  it('covers exactly the missing bytes, in order, in pieces no larger than allowed', () => {
    fc.assert(
      fc.property(
        fc.array(range, { maxLength: 10 }),
        fc.integer({ min: 1, max: 400_000 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 5000 }),
        (adds, chunkSizeSeed, connections, scale) => {
          const chunkSize = Math.max(chunkSizeSeed, scale); // at most ~200 pieces: a test, not a stress
          // Scale the model's ranges up so that pieces cross MIN_PIECE boundaries.
          const done = new ByteRanges(adds.map(([s, e]) => [s * scale, e * scale] as const));
          const size = SIZE * scale;
          const missing = done.missing(size);
          const pieces = planPieces(missing, { chunkSize, connections });
          const remaining = missing.reduce((sum, [s, e]) => sum + e - s, 0);
          const limit = Math.max(1, Math.min(chunkSize, Math.max(MIN_PIECE, Math.ceil(remaining / connections))));
          let previousEnd = -1;
          for (const [start, end] of pieces) {
            expect(end - start).toBeGreaterThan(0);
            expect(end - start).toBeLessThanOrEqual(limit);
            expect(start).toBeGreaterThanOrEqual(previousEnd);
            previousEnd = end;
          }
          // Merged, the pieces are exactly the missing ranges; with `done` they make the whole file.
          expect(new ByteRanges(pieces).toJSON()).toEqual(new ByteRanges(missing).toJSON());
          const whole = new ByteRanges([...done.toJSON(), ...pieces]);
          expect(whole.toJSON()).toEqual(size > 0 ? [[0, size]] : []);
        },
      ),
    );
  });

  it('spreads a small remainder over every connection, and keeps an unknown length whole', () => {
    const pieces = planPieces([[0, 4 * MIN_PIECE]], { chunkSize: 16 * 1024 * 1024, connections: 4 });
    expect(pieces).toHaveLength(4);
    expect(planPieces([[0, 10]], { chunkSize: 4, connections: 1 })).toEqual([[0, 4], [4, 8], [8, 10]]);
    const endless: ByteRange[] = [[5, Infinity]];
    expect(planPieces(endless, { chunkSize: 4, connections: 3 })).toEqual(endless);
  });
});
