/**
 * `@scalable-ts/test-support` (private): what the tests, benches and lesson task servers of this
 * repository share instead of copying. Not published; depends on no other package here, so the
 * libraries the notebooks teach can use it without depending on the notebook platform.
 */
export { lcg31, mulberry32, xorshift32 } from './random.js';
export { countPrimesBetween } from './workloads.js';
export { descendants, eventually, isAlive, kernelHostChildren, processTable, type ProcessEntry } from './processes.js';
