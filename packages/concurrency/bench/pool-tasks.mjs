// The task module of bench/pools.mjs (and of python-pool.py's counterpart work).
import { countPrimesBetween } from '@scalable-ts/test-support';

export const add = (a, b) => a + b;
export const addPair = ([a, b]) => a + b; // piscina passes one argument
export const square = (n) => n * n;
/** How many primes are below `limit` (trial division, slow on purpose). */
export const countPrimes = (limit) => countPrimesBetween(2, limit);
