// Task functions for notebooks/08-choosing-concurrency.ipynb: the same functions run on the
// event loop, in a WorkerPool and in a ProcessPool. Each returns { value, cpuMicros, startedAt,
// endedAt }: its result; the CPU time its own process used while it ran (process.cpuUsage() around
// the call), so the notebook can add a child process's CPU to the kernel's (in a worker thread
// that figure is process-wide and the notebook ignores it: the kernel's own process.cpuUsage()
// already counts every thread of the kernel process); and when it started and ended, in
// milliseconds since the Unix epoch (performance.timeOrigin + performance.now(), comparable across
// threads and processes), so the notebook can count how many tasks ran at the same time.
import * as http from 'node:http';
import { countPrimesBetween } from './primes.mjs';

const now = () => performance.timeOrigin + performance.now();

/** The reply for `value`, computed since `start` (a process.cpuUsage() reading) and `startedAt`. */
function measured(value, start, startedAt) {
  const { user, system } = process.cpuUsage(start);
  return { value, cpuMicros: user + system, startedAt, endedAt: now() };
}

/** CPU-bound: how many primes lie in [from, to), by trial division. */
export function countPrimes(from, to) {
  const [start, startedAt] = [process.cpuUsage(), now()];
  return measured(countPrimesBetween(from, to), start, startedAt);
}

/** I/O-bound: GET `url` and resolve with the response body as text. */
export async function fetchText(url) {
  const [start, startedAt] = [process.cpuUsage(), now()];
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
  return measured(body, start, startedAt);
}
