// npm run bench -w @scalable-ts/concurrency (after bench/run.mjs)
//
// Pools use several threads or processes, so these figures are wall-clock times (best of a few
// runs after a warm-up, pools started before timing). Targets from issue 5:
//   - tiny add() tasks: WorkerPool throughput >= piscina's with the same thread count;
//   - a CPU-bound batch on 2 workers: >= 1.8x faster than the main thread alone;
//   - ProcessPool.map over 100,000 tiny items vs Python's multiprocessing.Pool.map (same chunksize rule).
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { ProcessPool, WorkerPool } from '../dist/index.js';
import { countPrimes } from './pool-tasks.mjs';

const filename = new URL('./pool-tasks.mjs', import.meta.url);
const THREADS = 2;
const TINY = 50_000;
const BATCH = 16;
const PRIME_LIMIT = 300_000;
const MAP_ITEMS = 100_000;
const rows = [];

async function best(runs, fn) {
  await fn();
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    min = Math.min(min, performance.now() - start);
  }
  return min;
}

/** Best time of each of `fns`, run in turn `runs` times after one warm-up round. */
async function bestOfAlternating(runs, fns) {
  for (const fn of fns) await fn();
  const mins = fns.map(() => Infinity);
  for (let i = 0; i < runs; i++) {
    for (const [k, fn] of fns.entries()) {
      const start = performance.now();
      await fn();
      mins[k] = Math.min(mins[k], performance.now() - start);
    }
  }
  return mins;
}

function row(benchmark, ours, baseline, ratio, target, met) {
  rows.push({ benchmark, ours, baseline, ratio, target, result: met === undefined ? '-' : met ? 'met' : 'MISSED' });
}

const ours = new WorkerPool({ filename, size: THREADS });
const piscina = new Piscina({ filename: filename.href, minThreads: THREADS, maxThreads: THREADS });
try {
  const oursMs = await best(5, () => Promise.all(Array.from({ length: TINY }, (_, i) => ours.run('add', [i, 1]))));
  const piscinaMs = await best(5, () => Promise.all(Array.from({ length: TINY }, (_, i) => piscina.run([i, 1], { name: 'addPair' }))));
  const ratio = piscinaMs / oursMs;
  row(`${TINY.toLocaleString('en-US')} tiny add() tasks, ${THREADS} threads`, `${(TINY / oursMs * 1000).toFixed(0)} tasks/s`, `piscina: ${(TINY / piscinaMs * 1000).toFixed(0)} tasks/s`, `${ratio.toFixed(2)}x piscina's throughput`, '>= 1.00x', ratio >= 1);

  // Alternated, so a change in the machine's other load hits both sides alike.
  const [serialMs, poolMs] = await bestOfAlternating(5, [
    () => { for (let i = 0; i < BATCH; i++) countPrimes(PRIME_LIMIT); },
    () => Promise.all(Array.from({ length: BATCH }, () => ours.run('countPrimes', [PRIME_LIMIT]))),
  ]);
  const speedup = serialMs / poolMs;
  const cores = availableParallelism();
  row(`CPU-bound: ${BATCH} x countPrimes(${PRIME_LIMIT}) on ${THREADS} workers (${cores} cores here)`, `${poolMs.toFixed(0)} ms`, `main thread: ${serialMs.toFixed(0)} ms`, `${speedup.toFixed(2)}x faster`, '>= 1.8x', cores >= 2 ? speedup >= 1.8 : undefined);
} finally {
  await ours.close();
  await piscina.destroy();
}

const processes = new ProcessPool({ filename, size: THREADS });
try {
  const items = Array.from({ length: MAP_ITEMS }, (_, i) => i);
  const mapMs = await best(5, () => processes.map('square', items));
  const py = spawnSync('python3', [new URL('./python-pool.py', import.meta.url).pathname, String(MAP_ITEMS), String(THREADS), '5'], { encoding: 'utf8' });
  const pyMs = py.status === 0 ? JSON.parse(py.stdout.trim()).best : undefined;
  row(
    `ProcessPool.map over ${MAP_ITEMS.toLocaleString('en-US')} tiny items, ${THREADS} children, default chunkSize`,
    `${mapMs.toFixed(1)} ms`,
    pyMs === undefined ? 'python3 not found' : `multiprocessing.Pool.map: ${pyMs.toFixed(1)} ms`,
    pyMs === undefined ? '-' : `${(pyMs / mapMs).toFixed(2)}x faster than Python`,
    'faster than Python (> 1.00x)',
    pyMs === undefined ? undefined : mapMs < pyMs,
  );
} finally {
  await processes.close();
}

console.log(`\nPools (Node ${process.version}; wall-clock, best of the timed runs)\n`);
console.table(rows);
