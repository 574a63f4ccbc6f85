// The task module of bench/pools.mjs (and of python-pool.py's counterpart work).
export const add = (a, b) => a + b;
export const addPair = ([a, b]) => a + b; // piscina passes one argument
export const square = (n) => n * n;
export function countPrimes(limit) {
  let count = 0;
  for (let n = 2; n < limit; n++) {
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
