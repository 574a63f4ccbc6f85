import { deserialize, serialize } from 'node:v8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frame, frameReader } from './framing.js';

/** Frames every message, then feeds the bytes back in pieces of the given sizes. */
function roundTrip(messages: unknown[], pieceSizes: number[]): unknown[] {
  const received: unknown[] = [];
  const read = frameReader(deserialize, (message) => received.push(message));
  const bytes = Buffer.concat(messages.map((message) => frame(serialize, message)));
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const size = Math.max(1, pieceSizes[i % Math.max(1, pieceSizes.length)] ?? bytes.length);
    read(bytes.subarray(at, at + size));
    at += size;
  }
  return received;
}

describe('frames', () => {
  it('deliver every message whole and in order, however the bytes are split', () => {
    const message = fc.record({
      id: fc.nat(),
      ok: fc.boolean(),
      value: fc.oneof(fc.array(fc.double()), fc.array(fc.oneof(fc.double(), fc.string(), fc.constant(null))), fc.string()),
    });
    fc.assert(
      fc.property(fc.array(message, { maxLength: 8 }), fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1 }), (messages, sizes) => {
        expect(roundTrip(messages, sizes)).toEqual(messages);
      }),
    );
  });

  it('send an array of numbers packed, and keep -0, NaN and the infinities', () => {
    const numbers = [-0, NaN, Infinity, -Infinity, 2 ** 53, 0.1, ...Array.from({ length: 20 }, (_, i) => i)];
    const packed = deserialize(frame(serialize, { id: 1, items: numbers }).subarray(4)) as { items: unknown; packed: string };
    expect(packed.items).toBeInstanceOf(Float64Array);
    const [back] = roundTrip([{ id: 1, items: numbers }], [7]) as [{ items: number[] }];
    expect(Array.isArray(back.items)).toBe(true);
    expect(Object.is(back.items[0], -0)).toBe(true);
    expect(back.items).toEqual(numbers);
    expect(back).not.toHaveProperty('packed');
  });

  it('leave mixed, sparse and short arrays as they are', () => {
    const sparse = new Array(20).fill(1);
    delete sparse[3];
    for (const items of [[1, 'two', ...Array(20).fill(3)], sparse, [1, 2, 3]]) {
      const sent = deserialize(frame(serialize, { id: 1, items }).subarray(4)) as { items: unknown };
      expect(Array.isArray(sent.items)).toBe(true);
    }
  });
});
