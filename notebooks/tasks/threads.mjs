// The task module of notebook 06-threads: every exported function can run in a WorkerPool thread.
import { threadId } from 'node:worker_threads';
import { countPrimesBetween as primesBetween } from './primes.mjs';

/** Ranges longer than this are refused: trial division over them would take minutes. */
const MOST_NUMBERS = 100_000_000;

/** How many primes p with from <= p < to; a RangeError for a range of over 100 million numbers. */
export function countPrimesBetween(from, to) {
  if (to - from > MOST_NUMBERS) throw new RangeError(`${to - from} numbers are too many to count here`);
  return primesBetween(from, to);
}

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

/**
 * Passes a turn back and forth with the other worker through `shared` (one Int32, starting at 0),
 * spinning until the turn is its own: `side` is 0 or 1. Side 0 stops the game after `rounds`
 * rounds or `budgetMs`, and answers how many microseconds its fastest `window` consecutive
 * rounds took (Infinity if it played fewer); side 1 answers how many rounds it played. If the
 * other side never plays (both queued on one thread), each side still stops (side 1 after twice
 * the budget).
 */
export function pingPong(shared, side, rounds, window = 100, budgetMs = 1_000) {
  const turn = new Int32Array(shared);
  const STOP = 2;
  const end = performance.now() + budgetMs;
  if (side === 1) {
    let played = 0;
    for (let spins = 0; ; spins++) {
      const now = Atomics.load(turn, 0);
      if (now === STOP) return played;
      if (now === 1) (played++, Atomics.store(turn, 0, 0));
      else if (spins % 1_000 === 0 && performance.now() > end + budgetMs) return played;
    }
  }
  const times = [];
  for (let spins = 0; times.length < rounds; spins++) {
    if (Atomics.load(turn, 0) === 0) (times.push(performance.now()), Atomics.store(turn, 0, 1));
    else if (spins % 1_000 === 0 && performance.now() > end) break;
  }
  Atomics.store(turn, 0, STOP);
  let fastest = Infinity;
  for (let i = window; i < times.length; i++) fastest = Math.min(fastest, times[i] - times[i - window]);
  return fastest * 1000;
}
