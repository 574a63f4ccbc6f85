import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alive, descendants, runCli, startCli } from './test-support/cli.js';
import { notebookJson, scratch, stdout } from './test-support/notebooks.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

let dir: Awaited<ReturnType<typeof scratch>>;
beforeAll(async () => {
  dir = await scratch();
});
afterAll(async () => {
  await dir.remove();
});

// Each run starts kernels on a machine that may be loaded: generous limits, not speed checks.
const SLOW = 300_000;

describe('scripts/test-notebooks.mjs options', () => {
  it('--repeat 3 --load 1: the cell that fails one run in three is reported with its differing output, and the load is gone', async () => {
    const counter = join(dir.dir, 'flaky.count');
    const artifacts = join(dir.dir, 'flaky-artifacts');
    const junit = join(dir.dir, 'flaky.xml');
    const run = await runCli([fixture('flaky.ipynb'), '--repeat', '3', '--load', '1', '--artifacts', artifacts, '--junit', junit], undefined, { FLAKY_COUNTER: counter });
    expect(run.code, run.out).toBe(1);
    expect(await readFile(counter, 'utf8')).toBe('3');
    expect(run.out).toContain('Flake hunt: 3 runs beside 1 busy process: 1 of 3 cells failed at least once.');
    expect(run.out).toMatch(/flaky\.ipynb › \[2\] console\.log\(run % 3 === 0 \? "late" : "on time"\);: failed 1 of 3 runs\n {2}run 3:\n/);
    expect(run.out).toMatch(/^ {4}-on time\n {4}\+late$/m);
    const pids = [...run.out.matchAll(/busy process beside the suite \(pids (\d+)\)/g)].map((m) => Number(m[1]));
    expect(pids).toHaveLength(1);
    expect(pids.filter(alive)).toEqual([]);
    // --artifacts: the executed notebook of the failing run, and the failing cell's story.
    const executed = JSON.parse(await readFile(join(artifacts, 'packages/runner/fixtures/flaky.ipynb'), 'utf8')) as { cells: { outputs?: { text?: string[] }[] }[] };
    expect(executed.cells[2]?.outputs?.[0]?.text).toEqual(['late\n']);
    const report = await readFile(join(artifacts, 'packages/runner/fixtures/flaky.failures.txt'), 'utf8');
    expect(report).toMatch(/^packages\/runner\/fixtures\/flaky\.ipynb: 1 failure\n\n=== \[2\] console\.log/);
    expect(report).toContain('  │ console.log(run % 3 === 0 ? "late" : "on time");');
    expect(report).toMatch(/^-on time\n\+late$/m);
    // The JUnit file of each run; the failing one carries the cell's source and the diff.
    const xml = await readFile(join(dir.dir, 'flaky-run3.xml'), 'utf8');
    expect(xml).toContain('│ console.log(run % 3 === 0 ? &quot;late&quot; : &quot;on time&quot;);');
    expect(xml).toMatch(/^-on time\n\+late$/m);
    expect(await readFile(join(dir.dir, 'flaky-run1.xml'), 'utf8')).not.toContain('<failure');
  }, SLOW);

  it('--check errors overrides a run-only notebook and passes a timing one; bad values exit 2', async () => {
    const artifacts = join(dir.dir, 'check-artifacts');
    const run = await runCli([fixture('timing.ipynb'), fixture('run-only.ipynb'), '--check', 'errors', '--artifacts', artifacts]);
    expect(run.code, run.out).toBe(1);
    expect(run.out).toMatch(/timing\.ipynb\s+2\s+0\s+0/);
    expect(run.out).toMatch(/run-only\.ipynb\s+2\s+1\s+0/);
    expect(run.out).toContain('run-only.ipynb › cell [2]: the kernel reported an error');
    // Only the failing notebook leaves artefacts; an error cell's report shows its fresh stderr as the diff.
    expect(existsSync(join(artifacts, 'packages/runner/fixtures/timing.ipynb'))).toBe(false);
    const report = await readFile(join(artifacts, 'packages/runner/fixtures/run-only.failures.txt'), 'utf8');
    expect(report).toContain('=== [2] const n: number = "not a number"; ===');
    expect(report).toMatch(/--- committed outputs against fresh ones ---\n--- expected\n\+\+\+ actual\n[\s\S]*\+\[stderr\]/);
    const bad = await runCli(['--check', 'strict']);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('--check must be outputs, errors or none, got "strict"');
    const repeat = await runCli(['--repeat', '0']);
    expect(repeat.code).toBe(2);
    expect(repeat.out).toContain('--repeat must be an integer >= 1, got "0"');
  }, SLOW);

  it('--watch runs a notebook again when a file its cells import changes, and leaves no kernel after Ctrl-C', async () => {
    await writeFile(join(dir.dir, 'helper.cjs'), 'module.exports = { word: "first" };\n');
    const path = await dir.write('watched.ipynb', notebookJson([{ source: 'const { word } = require("./helper.cjs");\nword', outputs: [stdout('first\n')] }]));
    const cli = startCli([path, '--watch']);
    const runs = () => cli.output().match(/watched\.ipynb\s+\d+\s+\d+\s+\d+/g) ?? [];
    await until(() => runs().length === 1);
    expect(runs()[0]).toMatch(/watched\.ipynb\s+1\s+0\s+0/);
    await writeFile(join(dir.dir, 'helper.cjs'), 'module.exports = { word: "second" };\n');
    await until(() => runs().length === 2);
    // The committed output says "first": the re-run sees the change and fails the cell.
    expect(runs()[1]).toMatch(/watched\.ipynb\s+0\s+1\s+0/);
    expect(cli.output()).toMatch(/^\+second$/m);
    const kernels = (await descendants(cli.pid)).filter((p) => p.cmd.includes('kernel-host.cjs')).map((p) => p.pid);
    process.kill(cli.pid, 'SIGINT');
    // Ours (130) or vitest's own SIGINT handler in watch mode (1 after a failed run) ends it.
    expect([1, 130]).toContain((await cli.exited).code);
    await until(() => !kernels.some(alive));
  }, SLOW);
});

describe('--coverage', () => {
  it('maps the coverage of the kernel and of a child it starts to the TypeScript sources of the package', async () => {
    const out = join(dir.dir, 'coverage');
    const run = await runCli([fixture('coverage.ipynb'), '--coverage', '--coverage-dir', out]);
    expect(run.code, run.out).toBe(0);
    expect(run.out).toMatch(/deque\.ts\s+\|\s+[\d.]+/);
    const lcov = await readFile(join(out, 'lcov.info'), 'utf8');
    const record = (file: string) => lcov.split('end_of_record').find((r) => r.includes(`SF:packages/collections/src/${file}\n`)) ?? '';
    // The kernel appended three times and never from the left…
    expect(record('deque.ts')).toMatch(/^FNDA:3,append$/m);
    expect(record('deque.ts')).toMatch(/^FNDA:0,appendLeft$/m);
    // …and only the child process counted.
    expect(record('counter.ts')).toMatch(/^FNDA:1,mostCommon$/m);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  }, SLOW);
});

/** Polls until `predicate` holds (the test's time limit bounds the wait). */
async function until(predicate: () => boolean): Promise<void> {
  while (!predicate()) await new Promise((resolve) => setTimeout(resolve, 100));
}
