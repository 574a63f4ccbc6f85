// npm run bench -w @scalable-ts/concurrency
//
// Each variant runs in its own fresh Node process (bench/measure.mjs), so the JIT state one
// variant leaves behind cannot help or hurt the next; each process warms up, then reports the
// best and the median of its timed runs, in CPU time and in wall-clock time. Ratios compare the
// best CPU times: every workload here is single-threaded and never waits on I/O, so CPU time is
// what it costs, and unlike wall-clock time it does not grow when other programs share the
// cores. Python's asyncio.Queue runs the same queue workload when python3 is on the PATH.
import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LAZY_ITEMS, LAZY_TAKE, LIMIT_CONCURRENCY, LIMIT_TASKS, QUEUE_ITEMS, QUEUE_MAXSIZE } from './cases.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const fmt = (n) => n.toLocaleString('en-US');

function measure(caseName, variant, runs) {
  const out = execFileSync(process.execPath, [join(here, 'measure.mjs'), caseName, variant, String(runs)], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1));
}

function python(runs) {
  const found = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  if (found.status !== 0) return undefined;
  const run = spawnSync('python3', [join(here, 'python-queue.py'), String(QUEUE_ITEMS), String(QUEUE_MAXSIZE), String(runs)], { encoding: 'utf8' });
  if (run.status !== 0) return undefined;
  return { ...JSON.parse(run.stdout.trim()), version: found.stdout.trim() || found.stderr.trim() };
}

const rows = [];
const ms = (t) => `${t.cpu.best.toFixed(1)} ms CPU (median ${t.cpu.median.toFixed(1)}; wall-clock best ${t.wall.best.toFixed(1)})`;

// A target is "ours ≤ factor × baseline".
function compare({ what, ours, baseline, baselineName, factor, target }) {
  const ratio = ours.cpu.best / baseline.cpu.best;
  rows.push({
    benchmark: what,
    ours: ms(ours),
    [`baseline`]: `${baselineName}: ${ms(baseline)}`,
    ratio: `${ratio.toFixed(2)}x the baseline's time`,
    target,
    result: ratio <= factor ? 'met' : 'MISSED',
  });
}

console.log(`Node ${process.version}; each variant in a fresh process; best CPU time of the timed runs after warm-up.\n`);

compare({
  what: `limit: ${fmt(LIMIT_TASKS)} trivial async tasks at concurrency ${LIMIT_CONCURRENCY}`,
  ours: measure('limit', 'ours', 7),
  baseline: measure('limit', 'p-limit', 7),
  baselineName: 'p-limit',
  factor: 1,
  target: 'at least as fast as p-limit (≤ 1.00x)',
});

const queueOurs = measure('queue', 'ours', 7);
compare({
  what: `Queue put/get: ${fmt(QUEUE_ITEMS)} items, maxsize ${QUEUE_MAXSIZE}, 1 producer + 1 consumer`,
  ours: queueOurs,
  baseline: measure('queue', 'p-queue', 7),
  baselineName: 'p-queue (producer waits on onSizeLessThan)',
  factor: 1,
  target: 'at least as fast as the p-queue equivalent (≤ 1.00x)',
});
const py = python(5);
rows.push({
  benchmark: '  beside: Python asyncio.Queue, same workload',
  ours: ms(queueOurs),
  baseline: py === undefined ? 'python3 not found' : `${py.version}: ${ms(py)}`,
  ratio: py === undefined ? '-' : `${(queueOurs.cpu.best / py.cpu.best).toFixed(2)}x asyncio's time`,
  target: '(printed for comparison, no target)',
  result: '-',
});

const lazyOurs = measure('lazy', 'ours', 15);
compare({
  what: `lazy map → filter → take over ${fmt(LAZY_ITEMS)} items (take ${fmt(LAZY_TAKE)}), read with for…of`,
  ours: lazyOurs,
  baseline: measure('lazy', 'hand-written loop', 15),
  baselineName: 'hand-written indexed loop',
  factor: 2,
  target: 'within 2x of a hand-written loop',
});
compare({
  what: `  the same, collected with toArray (runs the fused pipeline without a result object per item)`,
  ours: measure('lazy', 'ours toArray', 15),
  baseline: measure('lazy', 'hand-written loop into an array', 15),
  baselineName: 'hand-written indexed loop pushing to an array',
  factor: 2,
  target: 'within 2x of a hand-written loop',
});
const generators = measure('lazy', 'generator functions', 15);
rows.push({
  benchmark: '  beside: the same chain as three hand-written generator functions',
  ours: ms(lazyOurs),
  baseline: `generators: ${ms(generators)}`,
  ratio: `${(lazyOurs.cpu.best / generators.cpu.best).toFixed(2)}x the generators' time`,
  target: '(printed for comparison, no target)',
  result: '-',
});

for (const row of rows) {
  console.log(`${row.result.padEnd(6)} ${row.benchmark}`);
  console.log(`       ours:     ${row.ours}`);
  console.log(`       baseline: ${row.baseline}`);
  console.log(`       ratio:    ${row.ratio}; target: ${row.target}\n`);
}
console.table(rows.map(({ benchmark, ratio, target, result }) => ({ benchmark: benchmark.trim(), ratio, target, result })));
