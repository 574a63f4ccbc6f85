// Task functions for notebooks/06-choosing-concurrency.ipynb: the same functions run on the
// event loop, in a WorkerPool and in a ProcessPool. Each returns { value, cpuMicros }: its result
// and the CPU time its own process used while it ran (process.cpuUsage() around the call), so the
// notebook can add a child process's CPU to the kernel's. In a worker thread that figure is
// process-wide and the notebook ignores it: the kernel's own process.cpuUsage() already counts
// every thread of the kernel process.
import * as http from 'node:http';
import { countPrimesBetween } from './primes.mjs';

/** `{ value, cpuMicros }` for a result computed since `start` (a process.cpuUsage() reading). */
function measured(value, start) {
  const { user, system } = process.cpuUsage(start);
  return { value, cpuMicros: user + system };
}

/** CPU-bound: how many primes lie in [from, to), by trial division. */
export function countPrimes(from, to) {
  const start = process.cpuUsage();
  return measured(countPrimesBetween(from, to), start);
}

/** I/O-bound: GET `url` and resolve with the response body as text. */
export async function fetchText(url) {
  const start = process.cpuUsage();
  const body = await new Promise((resolve, reject) => {
    http
      .get(url, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (piece) => (text += piece));
        response.on('end', () => resolve(text));
        response.on('error', reject);
      })
      .on('error', reject);
  });
  return measured(body, start);
}
