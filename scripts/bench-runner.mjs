#!/usr/bin/env node
// Benchmarks the notebook runner (npm run bench:runner). Prints, in one run:
//  1. per-cell round trip, median over 200 trivial cells: the whole runner path (NotebookTestRun.runCell),
//     the kernel client alone (Kernel.execute), and the protocol floor (kernel_info_request);
//     the round-trip overhead is everything but tslab compiling and running the cell:
//     (runCell - execute) + kernel_info round trip (target <= 3 ms);
//  2. suite wall time with --jobs 2 against one notebook at a time (and against one at a time
//     without a warm spare kernel), through scripts/test-notebooks.mjs, medians of BENCH_ROUNDS (3)
//     rounds in rotated order (target <= 0.6x);
//  3. `jupyter nbconvert --to notebook --execute` on the same notebooks, where Jupyter is installed,
//     on a tslab kernelspec registered for the run (none needs to be installed), one at a time and
//     two at a time; the runner's default (--jobs 2) against nbconvert one at a time (target <= 0.5x).
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kernel } from '@scalable-ts/kernel';
import { NotebookTestRun } from '@scalable-ts/runner';

const execFileAsync = promisify(execFile);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WORK = join(ROOT, 'notebooks', '.bench');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${x.toFixed(2)} ms`;

function notebook(sources) {
  return {
    cells: sources.map((source, i) => ({ cell_type: 'code', id: `c${i}`, metadata: {}, execution_count: null, outputs: [], source })),
    metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' }, language_info: { name: 'typescript' } },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

await rm(WORK, { recursive: true, force: true });
await mkdir(WORK, { recursive: true });
try {
  // 1. Per-cell round trip.
  const CELLS = Number(process.env.BENCH_CELLS ?? 200);
  const trivial = join(WORK, 'trivial.ipynb');
  await writeFile(trivial, JSON.stringify(notebook(Array.from({ length: CELLS }, (_, i) => `${i}`))));
  process.stderr.write(`runner: ${CELLS} cells…\n`);
  const session = await NotebookTestRun.open(trivial, {});
  const runner = [];
  for (const cell of session.cells) {
    const t = performance.now();
    await session.runCell(cell.number);
    runner.push(performance.now() - t);
  }
  await session.close();

  process.stderr.write('kernel client…\n');
  const kernel = await Kernel.start({ cwd: WORK });
  const client = [];
  for (let i = 0; i < CELLS; i++) {
    const t = performance.now();
    await kernel.execute(`${i}`);
    client.push(performance.now() - t);
  }
  await kernel.shutdown();

  process.stderr.write('protocol floor…\n');
  const floor = await kernelInfoRoundTrips(CELLS);
  console.log(`Per-cell round trip, median of ${CELLS} trivial cells:`);
  console.log(`  runner (NotebookTestRun.runCell)   ${ms(median(runner))}`);
  console.log(`  kernel client (Kernel.execute)     ${ms(median(client))}`);
  console.log(`  runner minus kernel client         ${ms(median(runner) - median(client))}`);
  console.log(`  protocol floor (kernel_info)       ${ms(median(floor))}`);
  console.log(`  tslab compile+run of the cell      ${ms(median(client) - median(floor))}  (inside the kernel; not the runner's)`);
  const overhead = median(runner) - median(client) + median(floor);
  console.log(`  => round-trip overhead per cell (all but tslab's own work): ${ms(overhead)} (target <= 3 ms): ${overhead <= 3 ? 'met' : 'MISSED'}`);

  // 2. Suite wall time, --jobs 2 against one at a time.
  const suite = [];
  for (let n = 0; n < 8; n++) {
    const path = join(WORK, `suite-${n}.ipynb`);
    const sources = Array.from({ length: 20 }, (_, i) => (i % 5 === 0 ? 'await new Promise((r) => setTimeout(r, 100));\n"waited"' : `const v${i}: number = ${i} * 2;\nv${i}`));
    await writeFile(path, JSON.stringify(notebook(sources)));
    suite.push(path);
  }
  const cli = join(ROOT, 'scripts', 'test-notebooks.mjs');
  const wall = (...args) => {
    const t = performance.now();
    const r = spawnSync(process.execPath, [cli, ...args, ...suite], { stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`test-notebooks.mjs ${args.join(' ')} failed (${r.status})`);
    return performance.now() - t;
  };
  // Three variants, their order rotated each round so that a change in the machine's load hits
  // all of them; medians kept. --no-warm is the runner without a spare kernel started ahead.
  const variants = { serial: ['--jobs', '1'], parallel: ['--jobs', '2'], cold: ['--jobs', '1', '--no-warm'] };
  const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
  const times = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    process.stderr.write(`suite round ${round + 1} of ${ROUNDS}…\n`);
    const names = Object.keys(variants);
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length];
      times[name].push(wall(...variants[name]));
    }
  }
  const [serial, parallel, cold] = [times.serial, times.parallel, times.cold].map(median);
  const seconds = (x) => `${(x / 1000).toFixed(2)} s`;
  const row = (label, name) => `  ${label.padEnd(20)}${seconds(median(times[name]))}  (${times[name].map(seconds).join(', ')})`;
  console.log(`\nSuite of ${suite.length} notebooks x 20 cells through scripts/test-notebooks.mjs, median of ${ROUNDS} rotated rounds:`);
  console.log(row('--jobs 1 --no-warm', 'cold'));
  console.log(row('--jobs 1', 'serial'));
  console.log(row('--jobs 2', 'parallel'));
  console.log(`  => warm spare kernel: --jobs 1 / --jobs 1 --no-warm = ${(serial / cold).toFixed(2)}x`);
  console.log(`  => --jobs 2 / --jobs 1 = ${(parallel / serial).toFixed(2)}x (target <= 0.6x): ${parallel / serial <= 0.6 ? 'met' : 'MISSED'}`);
  console.log(`  => --jobs 2 / --jobs 1 --no-warm = ${(parallel / cold).toFixed(2)}x`);

  // 3. jupyter nbconvert, where installed, on a kernelspec of this checkout's tslab registered for
  //    this run only (in notebooks/.bench/, found through JUPYTER_PATH): a user's own "tslab"
  //    kernelspec, or none, changes nothing.
  const jupyter = spawnSync('jupyter', ['nbconvert', '--version'], { encoding: 'utf8' });
  if (jupyter.error || jupyter.status !== 0) {
    const why = jupyter.error ? 'Jupyter is not installed on this machine' : `\`jupyter nbconvert --version\` failed: ${(jupyter.stderr || '').trim().split('\n').pop()}`;
    console.log(`\njupyter nbconvert: comparison skipped (${why}; e.g. \`apt-get install jupyter-nbconvert python3-ipykernel\` or \`pip install nbconvert\`).`);
  } else {
    const prefix = join(WORK, 'jupyter');
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'kernel-install.mjs'), '--prefix', prefix], { stdio: 'ignore' });
    const env = { ...process.env, JUPYTER_PATH: [join(prefix, 'share', 'jupyter'), process.env.JUPYTER_PATH].filter(Boolean).join(delimiter) };
    // nbconvert has no --jobs: "two at a time" is what a user gets from `xargs -P 2`.
    const nbconvertWall = async (concurrency) => {
      const queue = [...suite];
      const t = performance.now();
      const worker = async () => {
        for (let path = queue.shift(); path; path = queue.shift()) {
          const args = ['nbconvert', '--to', 'notebook', '--execute', '--ExecutePreprocessor.kernel_name=tslab', '--output-dir', join(WORK, 'out'), path];
          try {
            await execFileAsync('jupyter', args, { env, encoding: 'utf8' });
          } catch (error) {
            throw new Error(`jupyter nbconvert --execute ${path} failed (exit ${error.code}): ${String(error.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`);
          }
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      return performance.now() - t;
    };
    try {
      process.stderr.write('jupyter nbconvert…\n');
      const oneAtATime = await nbconvertWall(1);
      const twoAtATime = await nbconvertWall(2);
      console.log(`\njupyter nbconvert --execute (nbconvert ${jupyter.stdout.trim()}, kernelspec of this checkout's tslab):`);
      console.log(`  one notebook at a time  ${seconds(oneAtATime)}\n  two at a time (xargs -P 2)  ${seconds(twoAtATime)}`);
      console.log(`  => runner --jobs 1 / nbconvert one at a time = ${(serial / oneAtATime).toFixed(2)}x`);
      const ratio = parallel / oneAtATime;
      console.log(`  => runner --jobs 2 (the default on 2 cores) / nbconvert one at a time = ${ratio.toFixed(2)}x (target <= 0.5x, goal 0.4x): ${ratio <= 0.4 ? 'goal met' : ratio <= 0.5 ? 'met' : 'MISSED'}`);
      console.log(`  => runner --jobs 2 / nbconvert two at a time = ${(parallel / twoAtATime).toFixed(2)}x`);
    } catch (error) {
      console.log(`\njupyter nbconvert: comparison skipped, ${error.message}`);
    }
  }
} finally {
  await rm(WORK, { recursive: true, force: true });
}

/** Round trips of kernel_info_request: what the protocol costs with no cell to compile. */
async function kernelInfoRoundTrips(count) {
  const kernel = await Kernel.start({ cwd: WORK });
  const times = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await kernel.kernelInfo();
    times.push(performance.now() - t);
  }
  await kernel.shutdown();
  return times;
}
