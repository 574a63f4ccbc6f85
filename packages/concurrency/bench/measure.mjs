// One variant of one case in a fresh process (so the JIT state of one variant cannot help or
// hurt another): warm up, then print the best and median of the timed runs as JSON, in CPU time
// (user + system of this process, what the run cost whatever else the machine was doing) and in
// wall-clock time.
//   node bench/measure.mjs <case> <variant> <runs>
import { cases } from './cases.mjs';

const [caseName, variant, runsText = '7'] = process.argv.slice(2);
const run = cases[caseName]?.[variant];
if (run === undefined) {
  console.error(`unknown case/variant: ${caseName}/${variant}`);
  process.exit(2);
}
const runs = Number(runsText);
const warmUntil = performance.now() + 1500;
for (let i = 0; i < 3 || performance.now() < warmUntil; i++) await run();
const cpu = [];
const wall = [];
for (let i = 0; i < runs; i++) {
  const before = process.cpuUsage();
  wall.push(await run());
  const used = process.cpuUsage(before);
  cpu.push((used.user + used.system) / 1000);
}
const summary = (times) => {
  times.sort((a, b) => a - b);
  return { best: times[0], median: times[Math.floor(times.length / 2)] };
};
console.log(JSON.stringify({ cpu: summary(cpu), wall: summary(wall) }));
