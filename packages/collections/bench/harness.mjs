// Timing and memory helpers for the benchmark. Every scenario runs in its own process (see
// index.mjs), so the type feedback V8 gathers in one cannot slow down another.

/**
 * Milliseconds of CPU time (user + system, all of the process's threads) `run` takes, once. CPU
 * time rather than wall time: on a shared machine, time spent waiting for a core is not ours.
 */
export function time(run) {
  const start = process.cpuUsage();
  run();
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e3;
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Times `ours` and `theirs` in alternating order, `rounds` times each after `warmup` untimed runs
 * (so both are optimized), and returns the median times and the median of the per-round ratios
 * theirs / ours (above 1: ours is faster). A ratio taken within one round cancels most of the
 * noise of a shared machine, where other processes come and go.
 */
export function compare({ ours, theirs, rounds = 15, warmup = 3 }) {
  for (let i = 0; i < warmup; i++) {
    ours();
    theirs();
  }
  const oursMs = [];
  const theirsMs = [];
  const ratios = [];
  for (let round = 0; round < rounds; round++) {
    let o;
    let t;
    if (round % 2 === 0) {
      o = time(ours);
      t = time(theirs);
    } else {
      t = time(theirs);
      o = time(ours);
    }
    oursMs.push(o);
    theirsMs.push(t);
    ratios.push(t / o);
  }
  return { oursMs: median(oursMs), theirsMs: median(theirsMs), speedRatio: median(ratios) };
}

/** Heap bytes `build()`'s result keeps alive, measured with forced collections (needs --expose-gc). */
export function retainedBytes(build) {
  if (typeof globalThis.gc !== 'function') throw new Error('run node with --expose-gc to measure memory');
  collect();
  const before = process.memoryUsage().heapUsed;
  const kept = build();
  collect();
  const after = process.memoryUsage().heapUsed;
  if (kept === undefined) throw new Error('build() must return what it built, to keep it alive');
  return { bytes: after - before, kept };
}

function collect() {
  for (let i = 0; i < 3; i++) globalThis.gc();
}
