// The benchmark's scenarios, one per target of the package's speed and memory goals. Run one with
// `node --expose-gc bench/scenarios.mjs <id>`: it prints one JSON line, which index.mjs reads.
import { pathToFileURL } from 'node:url';
import Denque from 'denque';
import { LRUCache as LruCache } from 'lru-cache';
import { MultiSet } from 'mnemonist';
import { Counter, Deque, LRUCache } from '../dist/index.js';
import { keys, words } from './data.mjs';
import { compare, retainedBytes } from './harness.mjs';

// Each library gets its own copy of a scenario's loop, on purpose: V8 then specializes each loop
// for one class, as in a real program; a loop shared through a callback or a parameter would see
// both classes and be slower for both.
const MIX_OPS = 10_000_000;
const REQUESTS = 1_000_000;

/** A queue holding `queued` items, then `MIX_OPS` operations alternating push and shift. */
function dequeMix(queued) {
  const ours = new Deque();
  const theirs = new Denque();
  for (let i = 0; i < queued; i++) {
    ours.append(i);
    theirs.push(i);
  }
  const result = compare({
    ours: () => {
      let sum = 0;
      for (let i = 0; i < MIX_OPS; i += 2) {
        ours.append(i);
        sum += ours.popLeft();
      }
      return sum;
    },
    theirs: () => {
      let sum = 0;
      for (let i = 0; i < MIX_OPS; i += 2) {
        theirs.push(i);
        sum += theirs.shift();
      }
      return sum;
    },
  });
  return speed(result, MIX_OPS, 'denque', 1);
}

/** Fill with 100,000 items at the left, then empty from the left. */
function dequeVersusArray() {
  const n = 100_000;
  const result = compare({
    rounds: 3,
    warmup: 1,
    ours: () => {
      const deque = new Deque();
      for (let i = 0; i < n; i++) deque.appendLeft(i);
      while (deque.length > 0) deque.popLeft();
    },
    theirs: () => {
      const array = [];
      for (let i = 0; i < n; i++) array.unshift(i);
      while (array.length > 0) array.shift();
    },
  });
  return speed(result, 2 * n, 'Array', 100);
}

const TOKENS = 1_000_000;

function counterVersus(baseline) {
  const tokens = words(TOKENS, 10_000);
  const ours = () => new Counter(tokens);
  if (baseline === 'multiset') {
    const result = compare({
      ours,
      theirs: () => {
        const set = new MultiSet();
        for (const token of tokens) set.add(token);
        return set;
      },
    });
    return speed(result, TOKENS, 'MultiSet', 1);
  }
  const result = compare({
    ours,
    theirs: () => {
      const counts = new Map();
      for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
      return counts;
    },
  });
  return slowdown(result, TOKENS, 'Map loop', 1.3);
}

/** A cache of 10,000 entries in front of 40,000 keys requested with a skew: get, and set on a miss. */
function lruMix() {
  const requests = keys(REQUESTS, 40_000);
  const ours = new LRUCache(10_000);
  const theirs = new LruCache({ max: 10_000 });
  const result = compare({
    ours: () => {
      let hits = 0;
      for (const key of requests) {
        if (ours.get(key) === undefined) ours.set(key, key);
        else hits += 1;
      }
      return hits;
    },
    theirs: () => {
      let hits = 0;
      for (const key of requests) {
        if (theirs.get(key) === undefined) theirs.set(key, key);
        else hits += 1;
      }
      return hits;
    },
  });
  return speed(result, REQUESTS, 'lru-cache', 0.8);
}

/** Heap kept by 1,000,000 numbers (`value(i)`) in a Deque and in an array built with push. */
function memory(value) {
  const n = 1_000_000;
  const array = retainedBytes(() => {
    const items = [];
    for (let i = 0; i < n; i++) items.push(value(i));
    return items;
  });
  const deque = retainedBytes(() => {
    const items = new Deque();
    for (let i = 0; i < n; i++) items.append(value(i));
    return items;
  });
  const ratio = deque.bytes / array.bytes;
  return {
    ours: megabytes(deque.bytes),
    baseline: `array ${megabytes(array.bytes)}`,
    ratio: `heap ${ratio.toFixed(2)}x`,
    target: '<= 1.50x',
    met: ratio <= 1.5,
  };
}

/** A row where ours should be at least `target` times as fast (speed ratio >= target). */
function speed(result, ops, baseline, target) {
  return {
    ours: rate(ops, result.oursMs),
    baseline: `${baseline} ${rate(ops, result.theirsMs)}`,
    ratio: `speed ${result.speedRatio >= 10 ? Math.round(result.speedRatio) : result.speedRatio.toFixed(2)}x`,
    target: `>= ${target >= 10 ? target : target.toFixed(2)}x`,
    met: result.speedRatio >= target,
  };
}

/** A row where ours may take at most `limit` times as long (time ratio <= limit). */
function slowdown(result, ops, baseline, limit) {
  const timeRatio = 1 / result.speedRatio;
  return {
    ours: rate(ops, result.oursMs),
    baseline: `${baseline} ${rate(ops, result.theirsMs)}`,
    ratio: `time ${timeRatio.toFixed(2)}x`,
    target: `<= ${limit.toFixed(2)}x`,
    met: timeRatio <= limit,
  };
}

function rate(ops, ms) {
  return `${((ops / ms) * 1e3 / 1e6).toFixed(1)} M/s`;
}

function megabytes(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Every scenario: its id, the row label, and how to run it. */
export const scenarios = [
  { id: 'deque-mix-1k', label: 'Deque append/popLeft mix, 1,000 queued (vs denque push/shift)', run: () => dequeMix(1_000) },
  { id: 'deque-mix-1m', label: 'Deque append/popLeft mix, 1,000,000 queued (vs denque push/shift)', run: () => dequeMix(1_000_000) },
  { id: 'deque-vs-array', label: 'Deque appendLeft/popLeft 100,000 items (vs Array unshift/shift)', run: dequeVersusArray },
  { id: 'counter-multiset', label: 'Counter.update, 1,000,000 tokens (vs mnemonist MultiSet)', run: () => counterVersus('multiset') },
  { id: 'counter-map', label: 'Counter.update, 1,000,000 tokens (vs hand-written Map loop)', run: () => counterVersus('map') },
  { id: 'lru-mix', label: 'LRUCache get/set mix, 10,000 entries (vs lru-cache)', run: lruMix },
  { id: 'memory-int', label: 'Deque heap, 1,000,000 small integers (vs plain array)', run: () => memory((i) => i) },
  { id: 'memory-double', label: 'Deque heap, 1,000,000 doubles (vs plain array)', run: () => memory((i) => i + 0.5) },
];

const id = process.argv[2];
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && id !== undefined) {
  const scenario = scenarios.find((s) => s.id === id);
  if (scenario === undefined) {
    console.error(`unknown scenario ${id}; one of: ${scenarios.map((s) => s.id).join(', ')}`);
    process.exit(2);
  }
  console.log(JSON.stringify(scenario.run()));
}
