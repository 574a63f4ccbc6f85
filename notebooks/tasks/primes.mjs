// CPU-bound work shared by the task modules of notebooks 06 and 08.

/** How many primes p with from <= p < to (trial division, slow on purpose). */
export function countPrimesBetween(from, to) {
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
