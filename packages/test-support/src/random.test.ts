import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { lcg31, mulberry32, xorshift32 } from './random.js';

const sha = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const take = (next: () => number, n: number): number[] => Array.from({ length: n }, next);

// The expected values were computed with the copies these generators replace (collections'
// bench data, net's bench server, notebook 09's download server, the LRU cache test), so a seed
// still replays the sequence it gave there.
describe('seeded generators replay the sequences of the copies they replace', () => {
  it('mulberry32', () => {
    expect(take(mulberry32(1), 3)).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
    expect(take(mulberry32(2 ** 32 + 1), 3)).toEqual(take(mulberry32(1), 3));
    expect(take(mulberry32(9), 1000).every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('xorshift32, as 32-bit words (the bench server) and as bytes (notebook 09)', () => {
    const words = Buffer.allocUnsafe(4 * 1024 * 1024 + 4099);
    const nextWord = xorshift32(42);
    for (let i = 0; i < words.length; i += 4) words.writeUInt32LE(nextWord(), Math.min(i, words.length - 4));
    expect(sha(words)).toBe('efb4897cdba859d3');

    const bytes = Buffer.allocUnsafe(1024 * 1024 + 4099);
    const nextByte = xorshift32(7);
    for (let i = 0; i < bytes.length; i++) bytes[i] = nextByte() & 0xff;
    expect(sha(bytes)).toBe('0ab27eafcd122117');
  });

  it('lcg31', () => {
    const sequence = take(lcg31(7), 2000);
    expect(sequence.slice(0, 3)).toEqual([1282168116, 642666240, 1164563200]);
    expect(sha(sequence.join(','))).toBe('dd61d2b4c3ae7e3c');
  });
});
