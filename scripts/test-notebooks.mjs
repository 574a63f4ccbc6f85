#!/usr/bin/env node
// Runs notebooks as tests: each notebook a vitest suite, each code cell a test, on a real tslab kernel.
//
//   node scripts/test-notebooks.mjs [paths or globs…] [--jobs N] [--update] [--timeout S]
//        [--shard i/n] [--junit FILE] [--sanitize-with FILE] [--kernel-start-timeout S] [--no-warm]
//        [--check outputs|errors|none] [--repeat N] [--load K] [--artifacts DIR]
//
// --artifacts DIR: for each failing notebook, the executed .ipynb and a report of each failing
// cell (source, failure, committed against fresh outputs), for a CI job to upload.
//
// --watch: vitest's watch mode. A notebook runs again when it changes, or a file or workspace
// package its cells import changes (the package's dist/; a change in its src/ rebuilds it first).
//
// --coverage: V8 coverage of the kernels (and the workers and children they start) for the
// project's packages, mapped to their TypeScript sources by c8: a table here, HTML and lcov in
// coverage/ (or --coverage-dir DIR). Warm kernels are off: each kernel must exit to write it.
// Flake hunting: --repeat N runs every notebook N times (a fresh kernel each time), --load K runs
// K CPU-bound busy processes beside the suite; at the end a per-cell report says how many runs
// failed and with which differing output. Exit status 1 if any run failed.
//
// Warm kernels (the default): each vitest worker starts the next notebook's kernel while the
// current notebook runs; a kernel start that fails is retried once and reported.
// With no paths it runs notebooks/*.ipynb. Exit status 1 when any cell or notebook fails.
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { createVitest } from 'vitest/node';
import { spawn } from 'node:child_process';
import { existsSync, watch } from 'node:fs';
import { readNotebook } from '@scalable-ts/notebook';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { FlakeTally, importedPackages, parseCount, reportCoverage, startLoad } from '@scalable-ts/runner';
import { notebookTests } from '@scalable-ts/runner/vitest';
import { ROOT, commandLine, displayPath, notebookPaths } from './lib/cli.mjs';

const { flags, positionals, fail } = commandLine(
  'test-notebooks',
  'usage: test-notebooks.mjs [paths or globs…] [--jobs N] [--update] [--timeout S] [--shard i/n] [--junit FILE] [--sanitize-with FILE] [--kernel-start-timeout S] [--no-warm] [--check outputs|errors|none] [--repeat N] [--load K] [--artifacts DIR] [--watch] [--coverage [--coverage-dir DIR]]',
  {
    jobs: { type: 'string', short: 'j' },
    update: { type: 'boolean', default: false },
    timeout: { type: 'string' },
    shard: { type: 'string' },
    junit: { type: 'string' },
    'sanitize-with': { type: 'string' },
    'kernel-start-timeout': { type: 'string' },
    check: { type: 'string' },
    repeat: { type: 'string' },
    artifacts: { type: 'string' },
    watch: { type: 'boolean', default: false },
    coverage: { type: 'boolean', default: false },
    'coverage-dir': { type: 'string' },
    load: { type: 'string' },
    warm: { type: 'boolean', default: true },
  },
);

const jobs = flags.jobs === undefined ? Math.max(1, availableParallelism()) : Number(flags.jobs);
if (!Number.isInteger(jobs) || jobs < 1) fail(`--jobs must be a positive integer, got ${JSON.stringify(flags.jobs)}`);
for (const name of ['timeout', 'kernel-start-timeout']) {
  if (flags[name] !== undefined && !(Number(flags[name]) > 0)) fail(`--${name} must be a positive number of seconds, got ${JSON.stringify(flags[name])}`);
}
if (flags.check !== undefined && !['outputs', 'errors', 'none'].includes(flags.check)) fail(`--check must be outputs, errors or none, got ${JSON.stringify(flags.check)}`);
if (flags.shard !== undefined) {
  const [index, count] = flags.shard.split('/').map(Number);
  if (!(Number.isInteger(index) && Number.isInteger(count) && index >= 1 && index <= count)) fail(`--shard must be i/n with 1 <= i <= n, got ${JSON.stringify(flags.shard)}`);
}
const count = (name, min) => {
  try {
    return flags[name] === undefined ? min : parseCount(flags[name], `--${name}`, min);
  } catch (error) {
    fail(error.message);
  }
};
const repeat = count('repeat', 1);
const loadCount = count('load', 0);
if (repeat > 1 && flags.update) fail('--repeat and --update do not go together: update once, then repeat');
if (flags.watch && repeat > 1) fail('--watch and --repeat do not go together');
if (flags.watch && flags.coverage) fail('--watch and --coverage do not go together');
if (flags['coverage-dir'] && !flags.coverage) fail('--coverage-dir needs --coverage');
const notebooks = await notebookPaths(positionals, fail);
if (notebooks.length === 0) fail('no notebooks to run');

process.env.NOTEBOOK_UPDATE = flags.update ? '1' : '0';
if (flags.timeout) process.env.NOTEBOOK_TIMEOUT = flags.timeout;
if (flags['kernel-start-timeout']) process.env.NOTEBOOK_KERNEL_START_TIMEOUT = flags['kernel-start-timeout'];
if (flags.check) process.env.NOTEBOOK_CHECK = flags.check;
if (flags.artifacts) process.env.NOTEBOOK_ARTIFACTS = resolve(flags.artifacts);
if (flags.watch) process.env.NOTEBOOK_WATCH = '1';
// A worker that runs one notebook would start a spare for nothing.
process.env.NOTEBOOK_WARM_KERNELS = flags.warm && !flags.coverage && notebooks.length > jobs ? '1' : '0';
const coverageTemp = flags.coverage ? await mkdtemp(join(tmpdir(), 'scalable-ts-coverage-')) : undefined;
if (coverageTemp) process.env.NOTEBOOK_COVERAGE = coverageTemp;
if (flags['sanitize-with']) process.env.NOTEBOOK_SANITIZE_WITH = resolve(flags['sanitize-with']);

// vitest globs inside one folder: the deepest one that holds every notebook.
const base = notebooks.reduce((dir, file) => {
  while (!(file + sep).startsWith(dir.endsWith(sep) ? dir : dir + sep)) dir = dirname(dir);
  return dir;
}, dirname(notebooks[0]));

/** Prints one row per notebook: passed, failed and skipped cells, seconds. */
const summary = {
  onTestRunEnd(modules) {
    const rows = modules.map((module) => {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        counts[state === 'passed' ? 'passed' : state === 'failed' ? 'failed' : 'skipped']++;
      }
      if (!module.ok() && counts.failed === 0) counts.failed = 1;
      return [displayPath(module.moduleId), counts.passed, counts.failed, counts.skipped, (module.diagnostic().duration / 1000).toFixed(1)];
    });
    rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    const header = ['notebook', 'passed', 'failed', 'skipped', 'seconds'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
    const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
    console.log(`\n${line(header)}\n${widths.map((w) => '─'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);
  },
};

/** Records each test's state in each run, for the flake report. */
const tally = repeat > 1 ? new FlakeTally() : undefined;
const flakes = {
  onTestRunEnd(modules) {
    for (const module of modules) {
      const notebook = displayPath(module.moduleId);
      let failures = 0;
      for (const test of module.children.allTests()) {
        const result = test.result();
        const status = result.state === 'passed' ? 'passed' : result.state === 'failed' ? 'failed' : 'skipped';
        if (status === 'failed') failures++;
        tally.record(notebook, test.name, status, result.errors?.[0]?.message);
      }
      if (!module.ok() && failures === 0) tally.record(notebook, '(the notebook)', 'failed', module.errors()[0]?.message);
    }
  },
};

const load = startLoad(loadCount);
if (loadCount > 0) console.log(`test-notebooks: ${loadCount} busy process${loadCount === 1 ? '' : 'es'} beside the suite (pids ${load.pids.join(', ')})`);
let vitest;
let stopping = false;
for (const [signal, status] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.on(signal, async () => {
    if (stopping) process.exit(status);
    stopping = true;
    console.error(`\ntest-notebooks: ${signal}, stopping the kernels…`);
    await Promise.race([Promise.all([vitest?.close(), load.stop()]), new Promise((r) => setTimeout(r, 5000))]);
    process.exit(status);
  });
}

/** One run of every notebook; resolves whether anything failed. */
async function runOnce(run) {
  const junit = flags.junit && (repeat > 1 ? resolve(flags.junit).replace(/(\.xml)?$/, `-run${run}$1`) : resolve(flags.junit));
  vitest = await createVitest(
    'test',
    {
      root: base,
      dir: base,
      config: false,
      watch: flags.watch,
      include: notebooks.map((file) => relative(base, file).split(sep).join('/')),
      maxWorkers: jobs,
      fileParallelism: jobs > 1,
      // Each notebook has its own kernel and no state in the worker: reuse workers across notebooks.
      isolate: false,
      ...(flags.shard ? { shard: flags.shard } : {}),
      reporters: ['default', summary, ...(tally ? [flakes] : []), ...(junit ? [['junit', { outputFile: junit }]] : [])],
    },
    { plugins: [notebookTests()] },
  );
  await vitest.start();
  if (flags.watch) return false;
  const failed = vitest.state.getFiles().some((file) => file.result?.state === 'fail') || vitest.state.getCountOfFailedTests() > 0;
  await vitest.close();
  return failed;
}

if (flags.watch) {
  await rebuildOnSourceChange();
  await runOnce(1);
  console.log('test-notebooks: watching the notebooks and what they import; Ctrl-C to stop');
  await new Promise(() => {});
}

/** Watches the src/ of every workspace package the notebooks import, and rebuilds it on a change. */
async function rebuildOnSourceChange() {
  const packages = new Map();
  for (const path of notebooks) {
    try {
      for (const found of importedPackages(await readNotebook(path), path)) packages.set(found.dir, found);
    } catch {
      // a notebook that does not parse: its suite says why
    }
  }
  for (const { name, dir } of packages.values()) {
    const src = join(dir, 'src');
    if (!existsSync(src) || !existsSync(join(dir, 'tsconfig.build.json'))) continue;
    let timer;
    let building = Promise.resolve();
    watch(src, { recursive: true }, (_event, file) => {
      if (!file || /\.test\.|\.test-d\./.test(file)) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        building = building.then(
          () =>
            new Promise((done) => {
              console.log(`test-notebooks: ${name} changed (${file}), rebuilding…`);
              const tsc = spawn(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: dir, stdio: 'inherit' });
              tsc.once('exit', (code) => (code === 0 ? done() : (console.error(`test-notebooks: ${name} did not build (exit ${code})`), done())));
            }),
        );
      }, 200);
    });
  }
}

let failed = false;
try {
  for (let run = 1; run <= repeat && !stopping; run++) {
    if (repeat > 1) {
      tally.beginRun();
      console.log(`\ntest-notebooks: run ${run} of ${repeat}`);
    }
    if (await runOnce(run)) failed = true;
  }
} finally {
  await load.stop();
}
if (coverageTemp) {
  try {
    await reportCoverage({ tempDirectory: coverageTemp, root: ROOT, reportsDirectory: resolve(flags['coverage-dir'] ?? join(ROOT, 'coverage')) });
    console.log(`test-notebooks: coverage report in ${displayPath(resolve(flags['coverage-dir'] ?? join(ROOT, 'coverage')))}/index.html and lcov.info`);
  } finally {
    await rm(coverageTemp, { recursive: true, force: true });
  }
}
if (tally) console.log(`\n${tally.report(loadCount)}\n`);
process.exit(failed || process.exitCode ? 1 : 0);
