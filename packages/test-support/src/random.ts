/**
 * Seeded pseudo-random generators, so a randomized test, a benchmark's input or a lesson's test
 * file is the same on every run and every machine, and a failing seed can be replayed. Each is
 * the exact arithmetic its callers used before they shared it: a seed gives the same sequence.
 *
 *     generator    returns                 period    for
 *     mulberry32   a float in [0, 1)       2^32      chaos and stress tests, bench inputs, test files
 *     xorshift32   a uint32 (never 0)      2^32 - 1  pseudo-random bytes (seed must not be 0)
 *     lcg31        an integer in [0, 2^31) short     an old test's workload, kept for its sequence
 */

/**
 * mulberry32 (Tommy Ettinger): a small, fast generator of floats in [0, 1).
 *
 * @example
 * ```ts
 * const random = mulberry32(42);
 * const die = 1 + Math.floor(random() * 6);
 * ```
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * xorshift32 (Marsaglia, shifts 13, 17, 5): unsigned 32-bit integers. A seed of 0 gives only 0s.
 *
 * @example
 * ```ts
 * const next = xorshift32(7);
 * for (let i = 0; i < block.length; i++) block[i] = next() & 0xff;
 * ```
 */
export function xorshift32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
}

/**
 * The C standard's example `rand()` constants (`seed * 1103515245 + 12345` mod 2^31), computed in
 * doubles as the test that first used it did, so its sequence stays the same. Poor low bits and
 * rounding above 2^53: use {@link mulberry32} for anything new.
 */
export function lcg31(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state;
  };
}
