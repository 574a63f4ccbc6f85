/** CPU-bound work for pool benchmarks and the lessons' task modules: slow on purpose. */

/** How many primes p with from <= p < to (trial division). */
export function countPrimesBetween(from: number, to: number): number {
  let count = 0;
  for (let n = Math.max(2, from); n < to; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) {
      if (n % d === 0) {
        prime = false;
        break;
      }
    }
    if (prime) count++;
  }
  return count;
}
