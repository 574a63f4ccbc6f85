#!/usr/bin/env node
// Runs notebooks as tests: each notebook a vitest suite, each code cell a test, on a real tslab kernel.
//
//   node scripts/test-notebooks.mjs [paths or globs…] [--jobs N] [--update] [--timeout S]
//        [--shard i/n] [--junit FILE] [--sanitize-with FILE]
//
// With no paths it runs notebooks/*.ipynb. Exit status 1 when any cell or notebook fails.
import { availableParallelism } from 'node:os';
import { dirname, relative, resolve, sep } from 'node:path';
import { createVitest } from 'vitest/node';
import { notebookTests } from '@scalable-ts/runner/vitest';
import { commandLine, displayPath, notebookPaths } from './lib/cli.mjs';

const { flags, positionals, fail } = commandLine(
  'test-notebooks',
  'usage: test-notebooks.mjs [paths or globs…] [--jobs N] [--update] [--timeout S] [--shard i/n] [--junit FILE] [--sanitize-with FILE]',
  {
    jobs: { type: 'string', short: 'j' },
    update: { type: 'boolean', default: false },
    timeout: { type: 'string' },
    shard: { type: 'string' },
    junit: { type: 'string' },
    'sanitize-with': { type: 'string' },
  },
);

const jobs = flags.jobs === undefined ? Math.max(1, availableParallelism()) : Number(flags.jobs);
if (!Number.isInteger(jobs) || jobs < 1) fail(`--jobs must be a positive integer, got ${JSON.stringify(flags.jobs)}`);
if (flags.timeout !== undefined && !(Number(flags.timeout) > 0)) fail(`--timeout must be a positive number of seconds, got ${JSON.stringify(flags.timeout)}`);
if (flags.shard !== undefined) {
  const [index, count] = flags.shard.split('/').map(Number);
  if (!(Number.isInteger(index) && Number.isInteger(count) && index >= 1 && index <= count)) fail(`--shard must be i/n with 1 <= i <= n, got ${JSON.stringify(flags.shard)}`);
}
const notebooks = await notebookPaths(positionals, fail);
if (notebooks.length === 0) fail('no notebooks to run');

process.env.NOTEBOOK_UPDATE = flags.update ? '1' : '0';
if (flags.timeout) process.env.NOTEBOOK_TIMEOUT = flags.timeout;
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

const vitest = await createVitest(
  'test',
  {
    root: base,
    dir: base,
    config: false,
    watch: false,
    include: notebooks.map((file) => relative(base, file).split(sep).join('/')),
    maxWorkers: jobs,
    fileParallelism: jobs > 1,
    // Each notebook has its own kernel and no state in the worker: reuse workers across notebooks.
    isolate: false,
    ...(flags.shard ? { shard: flags.shard } : {}),
    reporters: ['default', summary, ...(flags.junit ? [['junit', { outputFile: resolve(flags.junit) }]] : [])],
  },
  { plugins: [notebookTests()] },
);

let stopping = false;
for (const [signal, status] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.on(signal, async () => {
    if (stopping) process.exit(status);
    stopping = true;
    console.error(`\ntest-notebooks: ${signal}, stopping the kernels…`);
    await Promise.race([vitest.close(), new Promise((r) => setTimeout(r, 5000))]);
    process.exit(status);
  });
}

await vitest.start();

const failed = vitest.state.getFiles().some((file) => file.result?.state === 'fail') || vitest.state.getCountOfFailedTests() > 0;
await vitest.close();
process.exit(failed || process.exitCode ? 1 : 0);
