// The measured code of each benchmark: for every case, ours and the baseline it is compared with.
// Each function runs the workload once and returns the milliseconds it took.
import pLimit from 'p-limit';
import PQueue from 'p-queue';
import { Queue, filter, limit, map, take, toArray } from '../dist/index.js';

export const LIMIT_TASKS = 100_000;
export const LIMIT_CONCURRENCY = 10;
export const QUEUE_ITEMS = 100_000;
export const QUEUE_MAXSIZE = 100;
export const LAZY_ITEMS = 1_000_000;
export const LAZY_TAKE = 300_000; // map x*2, keep multiples of 3, take 300,000: reads 900,000 items

const trivial = async (i) => i;

async function runLimited(limited) {
  const start = performance.now();
  const jobs = new Array(LIMIT_TASKS);
  for (let i = 0; i < LIMIT_TASKS; i++) jobs[i] = limited(trivial, i);
  const results = await Promise.all(jobs);
  const ms = performance.now() - start;
  if (results[LIMIT_TASKS - 1] !== LIMIT_TASKS - 1) throw new Error('wrong result');
  return ms;
}

async function queueOurs() {
  const start = performance.now();
  const q = new Queue({ maxsize: QUEUE_MAXSIZE });
  let sum = 0;
  const consumer = (async () => {
    for (let i = 0; i < QUEUE_ITEMS; i++) sum += await q.get();
  })();
  for (let i = 0; i < QUEUE_ITEMS; i++) await q.put(i);
  await consumer;
  const ms = performance.now() - start;
  if (sum !== (QUEUE_ITEMS * (QUEUE_ITEMS - 1)) / 2) throw new Error('wrong sum');
  return ms;
}

// The p-queue way to a bounded producer/consumer: each item becomes a task run by a queue of
// concurrency 1 (the consumer), and the producer waits while `maxsize` tasks are queued.
async function queuePQueue() {
  const start = performance.now();
  const q = new PQueue({ concurrency: 1 });
  let sum = 0;
  for (let i = 0; i < QUEUE_ITEMS; i++) {
    if (q.size >= QUEUE_MAXSIZE) await q.onSizeLessThan(QUEUE_MAXSIZE);
    const item = i;
    q.add(async () => {
      sum += item;
    });
  }
  await q.onIdle();
  const ms = performance.now() - start;
  if (sum !== (QUEUE_ITEMS * (QUEUE_ITEMS - 1)) / 2) throw new Error('wrong sum');
  return ms;
}

const numbers = Array.from({ length: LAZY_ITEMS }, (_, i) => i);
const EXPECTED_LAZY = handLoop(numbers, LAZY_TAKE);

// The lazy variants take their source and count as arguments so that they can be warmed up on
// small inputs first, both ending by `take` and by running out, and are optimized with feedback
// for every path. The hand-written loops index the array: on Node 20 a hot `for…of` over an
// array that ends with `break` deoptimizes at the break on most calls ("insufficient type
// feedback" for the iterator's `return`), so its time swings 5-10x from run to run, and a slow
// run would flatter the lazy chain. An indexed loop is the steady, honest baseline.
function handLoop(source, limit) {
  let sum = 0;
  let taken = 0;
  for (let i = 0; i < source.length; i++) {
    const doubled = source[i] * 2;
    if (doubled % 3 !== 0) continue;
    sum = (sum + doubled) | 0;
    if (++taken === limit) break;
  }
  return sum;
}

function lazyChain(source, limit) {
  let sum = 0;
  for (const n of take(
    filter(
      map(source, (n) => n * 2),
      (n) => n % 3 === 0,
    ),
    limit,
  )) {
    sum = (sum + n) | 0;
  }
  return sum;
}

function handLoopIntoArray(source, limit) {
  const out = [];
  for (let i = 0; i < source.length; i++) {
    const doubled = source[i] * 2;
    if (doubled % 3 !== 0) continue;
    out.push(doubled);
    if (out.length === limit) break;
  }
  return out;
}

function lazyToArray(source, limit) {
  return toArray(
    take(
      filter(
        map(source, (n) => n * 2),
        (n) => n % 3 === 0,
      ),
      limit,
    ),
  );
}

function* genMap(source, fn) {
  for (const item of source) yield fn(item);
}
function* genFilter(source, test) {
  for (const item of source) if (test(item)) yield item;
}
function* genTake(source, n) {
  if (n <= 0) return;
  let taken = 0;
  for (const item of source) {
    yield item;
    if (++taken === n) return;
  }
}
function generatorChain(source, limit) {
  let sum = 0;
  for (const n of genTake(
    genFilter(
      genMap(source, (n) => n * 2),
      (n) => n % 3 === 0,
    ),
    limit,
  )) {
    sum = (sum + n) | 0;
  }
  return sum;
}

const small = numbers.slice(0, 1_000);

function timed(fn) {
  let warm = false;
  return async () => {
    if (!warm) {
      for (let i = 0; i < 2_000; i++) fn(small, i % 2 === 0 ? 50 : 1_000_000);
      warm = true;
    }
    const start = performance.now();
    const result = fn(numbers, LAZY_TAKE);
    const ms = performance.now() - start;
    const check = Array.isArray(result) ? result.reduce((s, n) => (s + n) | 0, 0) : result;
    if (check !== EXPECTED_LAZY) throw new Error('wrong lazy result');
    return ms;
  };
}

export const cases = {
  'limit': {
    ours: () => runLimited(limit(LIMIT_CONCURRENCY)),
    'p-limit': () => runLimited(pLimit(LIMIT_CONCURRENCY)),
  },
  'queue': {
    ours: queueOurs,
    'p-queue': queuePQueue,
  },
  'lazy': {
    ours: timed(lazyChain),
    'hand-written loop': timed(handLoop),
    'generator functions': timed(generatorChain),
    'ours toArray': timed(lazyToArray),
    'hand-written loop into an array': timed(handLoopIntoArray),
  },
};
