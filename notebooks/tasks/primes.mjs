// CPU-bound work shared by the task modules of notebooks 06 and 08: how many primes p with
// from <= p < to, by trial division (slow on purpose). The same workload as the pool benchmarks
// of @scalable-ts/concurrency, so it lives in the repository's shared test-support package.
export { countPrimesBetween } from '@scalable-ts/test-support';
