// Seeded inputs, so every run of the benchmark measures the same work.

import { mulberry32 } from '@scalable-ts/test-support';

/** An index in [0, n) with a Zipf-like skew (a few very common, a long tail), as words in text. */
function skewed(next, n) {
  return Math.min(n - 1, Math.floor(n * next() ** 3));
}

/** `count` words drawn from a vocabulary of `vocabulary` distinct words, skewed like real text. */
export function words(count, vocabulary, seed = 1) {
  const next = mulberry32(seed);
  const dictionary = Array.from({ length: vocabulary }, (_, i) => `w${i.toString(36)}`);
  return Array.from({ length: count }, () => dictionary[skewed(next, vocabulary)]);
}

/** `count` integer keys in [0, range), skewed, as the requests a cache sees. */
export function keys(count, range, seed = 2) {
  const next = mulberry32(seed);
  return Array.from({ length: count }, () => skewed(next, range));
}
