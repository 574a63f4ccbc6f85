import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alive, descendants, runCli } from './test-support/cli.js';
import { TWICE, WINDOW, exerciseCells, mixedNotebookJson } from './test-support/exercises.js';
import { notebookJson, scratch, stdout } from './test-support/notebooks.js';

let dir: Awaited<ReturnType<typeof scratch>>;
beforeAll(async () => {
  dir = await scratch();
});
afterAll(async () => {
  await dir.remove();
});

describe('scripts/test-notebooks.mjs', () => {
  it('runs good, failing and malformed notebooks, prints a summary and a JUnit file, and exits 1', async () => {
    const good = await dir.write('a-good.ipynb', notebookJson([{ source: '1 + 1', outputs: [stdout('2\n')] }, { source: '"two"' }]));
    const bad = await dir.write('b-bad.ipynb', notebookJson([{ source: 'throw new Error("broken")' }, { source: '"goes on"' }]));
    const broken = await dir.write('c-broken.ipynb', '{ not json');
    const junit = `${dir.dir}/junit.xml`;
    const run = await runCli([good, bad, broken, '--jobs', '2', '--junit', junit]);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/a-good\.ipynb\s+2\s+0\s+0\s+[\d.]+/);
    expect(run.out).toMatch(/b-bad\.ipynb\s+1\s+1\s+0\s+[\d.]+/);
    expect(run.out).toMatch(/c-broken\.ipynb\s+0\s+1\s+0/);
    expect(run.out).toContain('b-bad.ipynb › cell [1]: the kernel reported an error');
    expect(run.out).toContain('Error: broken');
    const xml = await readFile(junit, 'utf8');
    expect(xml).toContain('[1] 1 + 1');
    expect(xml).toMatch(/<failure/);
  });

  it('exits 0 when everything passes, and splits notebooks with --shard', async () => {
    const paths = await Promise.all(['s1', 's2'].map((name) => dir.write(`${name}.ipynb`, notebookJson([{ source: `"${name}"`, outputs: [stdout(`${name}\n`)] }]))));
    const first = await runCli([...paths, '--shard', '1/2']);
    const second = await runCli([...paths, '--shard', '2/2']);
    expect([first.code, second.code], first.out + second.out).toEqual([0, 0]);
    const ran = (out: string) => ['s1', 's2'].filter((name) => new RegExp(`${name}\\.ipynb\\s+1`).test(out));
    expect([...ran(first.out), ...ran(second.out)].sort()).toEqual(['s1', 's2']);
  });

  it('mutation: reports each exercise as a test, and exits 1 when a solution is replaced by its starter', async () => {
    const path = await dir.write('mutant.ipynb', mixedNotebookJson([...exerciseCells({ ...WINDOW, solution: WINDOW.starter }), ...exerciseCells(TWICE)]));
    const junit = `${dir.dir}/mutant.xml`;
    const run = await runCli([path, '--junit', junit]);
    expect(run.code, run.out).toBe(1);
    // Six cells (the checks after the starters fail as expected, so pass), two exercises: one fails.
    expect(run.out).toMatch(/mutant\.ipynb\s+7\s+1\s+0\s+[\d.]+/);
    expect(run.out).toContain('mutant.ipynb › [exercise 1] a sliding window (cells [1], [2], [3]): 2 of 2 checks failed after the solution');
    const xml = await readFile(junit, 'utf8');
    expect(xml).toContain('[2] checks of exercise 1, expected to fail on the starter');
    expect(xml).toContain('[exercise 1] a sliding window');
    expect(xml).toContain('[exercise 2] Make `twice` resolve to twice its argument');
  });

  it('refuses bad options with a usage line and exit status 2', async () => {
    const run = await runCli(['--jobs', 'zero']);
    expect(run.code).toBe(2);
    expect(run.out).toContain('--jobs must be a positive integer');
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('leaves no kernel running when it gets %s', async (signal) => {
    const path = await dir.write(`hang-${signal}.ipynb`, notebookJson([{ source: 'await new Promise((r) => setTimeout(r, 60_000))' }]));
    let kernels: number[] = [];
    const run = await runCli([path], (pid) => {
      void (async () => {
        const deadline = Date.now() + 30_000;
        while (kernels.length === 0 && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 200));
          kernels = (await descendants(pid)).filter((p) => p.cmd.includes('kernel-host.cjs')).map((p) => p.pid);
        }
        await new Promise((r) => setTimeout(r, 500));
        process.kill(pid, signal);
      })();
    });
    expect(kernels.length).toBe(1);
    expect(run.code, run.out).toBe(signal === 'SIGINT' ? 130 : 143);
    // A kernel still loading tslab (seconds of CPU on a loaded machine) sees its stdin close only
    // once that synchronous start-up is over.
    const deadline = Date.now() + 30_000;
    while (kernels.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(kernels.filter(alive)).toEqual([]);
  });
});
