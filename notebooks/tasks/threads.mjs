// The task module of notebook 06-threads: every exported function can run in a WorkerPool thread.
import { threadId } from 'node:worker_threads';
import { countPrimesBetween } from './primes.mjs';

export { countPrimesBetween };

/** A tiny task: the cost is all in the hand-off. */
export const add = (a, b) => a + b;

/** How many primes are below `limit`. */
export const countPrimes = (limit) => countPrimesBetween(2, limit);

/** Throws, to show that the error comes back with its own name and message. */
export function fail(message) {
  throw new RangeError(message);
}

/** Ends the worker thread in the middle of a task (in a worker, process.exit ends only the thread). */
export function crash(code) {
  process.exit(code);
}

/** Waits `ms` milliseconds without using the CPU, then answers. */
export async function wait(ms) {
  await new Promise((resolve) => setTimeout(resolve, ms));
  return ms;
}

/** Which thread ran the task. */
export const whoAmI = () => threadId;
