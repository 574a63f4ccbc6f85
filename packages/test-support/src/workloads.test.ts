import { expect, it } from 'vitest';
import { countPrimesBetween } from './workloads.js';

it('counts the primes in [from, to)', () => {
  expect(countPrimesBetween(0, 100)).toBe(25);
  expect(countPrimesBetween(10, 20)).toBe(4); // 11 13 17 19
  expect(countPrimesBetween(2, 3)).toBe(1);
  expect(countPrimesBetween(20, 20)).toBe(0);
});
