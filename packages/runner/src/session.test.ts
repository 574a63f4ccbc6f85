import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNotebook, runNotebooks, succeeded } from './run.js';
import { NotebookTestRun } from './session.js';
import { notebookJson, scratch, stdout } from './test-support/notebooks.js';

let dir: Awaited<ReturnType<typeof scratch>>;
beforeAll(async () => {
  dir = await scratch();
});
afterAll(async () => {
  await dir.remove();
});

const statuses = (outcome: Awaited<ReturnType<typeof runNotebook>>) => outcome.cells.map((cell) => cell.status);

describe('a notebook that passes', () => {
  it('compares outputs, honours the tags, and runs the cell after an expected error', async () => {
    const path = await dir.write(
      'pass.ipynb',
      notebookJson([
        { source: 'const x: number = 1 + 1;\nx', outputs: [stdout('2\n')] },
        { source: 'console.log(Date.now())', tags: ['nbval-ignore-output'], outputs: [stdout('123\n')] },
        { source: 'throw new Error("expected")', tags: ['raises-exception'] },
        { source: '"right after the error"', outputs: [stdout('right after the error\n')] },
        { source: 'process.exit(1)', tags: ['skip-execution'] },
        { source: 'x * 21', tags: ['nbval-skip'] },
        { source: 'x * 21', outputs: [stdout('42\n')] },
        { source: 'console.log("never run before")' },
      ]),
    );
    const outcome = await runNotebook(path);
    expect(outcome.error).toBeUndefined();
    expect(statuses(outcome)).toEqual(['passed', 'passed', 'passed', 'passed', 'skipped', 'skipped', 'passed', 'passed']);
    expect(succeeded(outcome)).toBe(true);
  });
});

describe('cells that fail', () => {
  it('fails each bad cell with its reason and goes on, also when the first cell fails', async () => {
    const path = await dir.write(
      'fail.ipynb',
      notebookJson([
        { source: 'const n: number = "text"' },
        { source: '1 + 1', outputs: [stdout('3\n')] },
        { source: '"no error here"', tags: ['raises-exception'] },
        { source: 'console.log("printed")', outputs: [], executionCount: 4 },
        { source: '"still running"', outputs: [stdout('still running\n')] },
      ]),
    );
    const outcome = await runNotebook(path);
    expect(statuses(outcome)).toEqual(['failed', 'failed', 'failed', 'failed', 'passed']);
    const [typeError, mismatch, noRaise, unexpected] = outcome.cells.map((cell) => cell.error?.message ?? '');
    expect(typeError).toContain('fail.ipynb › cell [1]: the kernel reported an error');
    expect(typeError).toContain('│ const n: number = "text"');
    expect(typeError).toMatch(/Type 'string' is not assignable to type 'number'/);
    expect(mismatch).toContain('its outputs differ from the committed ones');
    expect(mismatch).toMatch(/^-3$/m);
    expect(mismatch).toMatch(/^\+2$/m);
    expect(noRaise).toContain('was tagged raises-exception but ran without error');
    expect(unexpected).toMatch(/^\+printed$/m);
    expect(succeeded(outcome)).toBe(false);
  });
});

describe('time limits', () => {
  it('interrupts a busy loop and an await that never settles, then goes on', async () => {
    const path = await dir.write(
      'timeouts.ipynb',
      notebookJson(
        [
          { source: 'while (true) {}' },
          { source: 'await new Promise(() => {})' },
          { source: 'await new Promise((r) => setTimeout(r, 1500));\n"slow but allowed"', metadata: { scalable_ts: { timeout: 5 } } },
          { source: '"after"' },
        ],
        { scalable_ts: { timeout: 1 } },
      ),
    );
    const outcome = await runNotebook(path);
    expect(statuses(outcome)).toEqual(['failed', 'failed', 'passed', 'passed']);
    expect(outcome.cells[0]?.reason).toBe('timed out after 1 s and was interrupted');
    expect(outcome.cells[1]?.reason).toBe('timed out after 1 s and was interrupted');
  });

  it('kills a kernel that ignores the interrupt after the grace period, and skips the rest', async () => {
    const path = await dir.write(
      'stuck.ipynb',
      notebookJson([{ source: 'import { execSync } from "child_process";\nexecSync("sleep 3")' }, { source: '"never"' }], { scalable_ts: { timeout: 0.5 } }),
    );
    const outcome = await runNotebook(path, { graceMs: 300 });
    expect(statuses(outcome)).toEqual(['failed', 'skipped']);
    expect(outcome.cells[0]?.reason).toMatch(/^timed out after 0\.5 s; the kernel (ignored the interrupt and was killed|died on the interrupt \(The kernel was killed by SIGINT\))$/);
    expect(outcome.cells[1]?.reason).toBe('the kernel died in cell [1]');
  });
});

describe('kernel death and late errors', () => {
  it('fails the cell that calls process.exit and skips the cells after it', async () => {
    const path = await dir.write('exit.ipynb', notebookJson([{ source: '"before"' }, { source: 'process.exit(3)' }, { source: '"after"' }]));
    const outcome = await runNotebook(path);
    expect(statuses(outcome)).toEqual(['passed', 'failed', 'skipped']);
    expect(outcome.cells[1]?.reason).toBe('The kernel exited with code 3');
  });

  it('fails the cell during which an earlier cell’s promise rejection is reported', async () => {
    const path = await dir.write(
      'late.ipynb',
      notebookJson([
        { source: 'setTimeout(() => { Promise.reject(new Error("late failure")) }, 50);\n"scheduled"' },
        { source: 'await new Promise((r) => setTimeout(r, 400));\n"next"' },
      ]),
    );
    const outcome = await runNotebook(path);
    expect(statuses(outcome)).toEqual(['passed', 'failed']);
    expect(outcome.cells[1]?.error?.message).toMatch(/unhandled error was reported while this cell ran[\s\S]*late failure/);
  });

  it('reports a rejection raised after the last cell finished', async () => {
    // 300 ms: long enough that the cell has surely been reported as finished, even on a loaded
    // machine (at 20 ms the rejection sometimes landed while the cell still ran, and failed it).
    const path = await dir.write('late-last.ipynb', notebookJson([{ source: 'setTimeout(() => { Promise.reject(new Error("after the end")) }, 300);\n"scheduled"' }]));
    const outcome = await runNotebook(path, { settleMs: 2000 });
    expect(statuses(outcome)).toEqual(['passed']);
    expect(outcome.lateErrors.join('\n')).toMatch(/cell \[1\] raised an unhandled error after it finished[\s\S]*after the end/);
    expect(succeeded(outcome)).toBe(false);
  });
});

describe('bad notebooks', () => {
  it.each([
    ['malformed.ipynb', '{ "cells": [', /malformed\.ipynb[\s\S]*JSON/i],
    ['v3.ipynb', { nbformat: 3, nbformat_minor: 0, metadata: {}, worksheets: [] }, /nbformat 3/],
    ['no-kernelspec.ipynb', { ...notebookJson([{ source: '1' }]), metadata: {} }, /no-kernelspec\.ipynb[\s\S]*kernelspec/i],
    ['python.ipynb', notebookJson([{ source: '1' }], {}, 'python3'), /Unknown kernel "python3"/],
  ])('%s gets a clear error naming the file', async (name, content, message) => {
    const outcome = await runNotebook(await dir.write(name, content));
    expect(outcome.error?.message).toMatch(message);
    expect(succeeded(outcome)).toBe(false);
  });
});

describe('running one cell', () => {
  it('runs the cells before it first, as "run to here" does, and refuses to run backwards', async () => {
    const path = await dir.write(
      'to-here.ipynb',
      notebookJson([{ source: 'let total = 40' }, { source: 'const n: number = "x"' }, { source: 'total += 2;\ntotal', outputs: [stdout('41\n')] }]),
    );
    const session = await NotebookTestRun.open(path);
    try {
      const outcome = await session.runCell(3);
      expect(outcome.status).toBe('failed');
      expect(outcome.error?.message).toMatch(/^-41$/m);
      expect(outcome.error?.message).toMatch(/^\+42$/m);
      expect(outcome.error?.message).toContain('cell [2] the kernel reported an error');
      await expect(session.runCell(1)).rejects.toThrow(/has run already/);
    } finally {
      await session.close();
    }
  });

  it('imports every workspace package by name in a cell (their .d.ts parse under tslab’s TypeScript 5.0)', async () => {
    const path = await dir.write(
      'imports.ipynb',
      notebookJson([
        {
          source: [
            'import { Kernel } from "@scalable-ts/kernel";',
            'import { readNotebook } from "@scalable-ts/notebook";',
            'import { runNotebook } from "@scalable-ts/runner";',
            'import { createRenderer } from "@scalable-ts/render";',
            'import { checks } from "@scalable-ts/exercises";',
            '[Kernel, readNotebook, runNotebook, createRenderer, checks].map((f) => typeof f)',
          ].join('\n'),
          outputs: [stdout("[ 'function', 'function', 'function', 'function', 'function' ]\n")],
        },
        {
          // checks() finds tslab's display writer: one display_data with the lines and the structured result.
          source: 'await checks({ "one is one": () => {} })',
          outputs: [{ output_type: 'display_data', data: { 'text/plain': ['✔ one is one'], 'application/vnd.scalable-ts.checks+json': {} }, metadata: {} }],
        },
      ]),
    );
    const outcome = await runNotebook(path);
    expect(outcome.cells.map((cell) => cell.error?.message ?? '').join('')).toBe('');
    expect(statuses(outcome)).toEqual(['passed', 'passed']);
    expect(outcome.cells[1]?.outputs).toEqual([
      { output_type: 'display_data', data: { 'text/plain': '✔ one is one', 'application/vnd.scalable-ts.checks+json': { version: 1, total: 1, passed: 1, failed: 0, checks: [{ name: 'one is one', passed: true }] } }, metadata: {} },
    ]);
  });
});

describe('update mode and the JavaScript kernel', () => {
  it('writes the fresh outputs back atomically, keeping ids and Jupyter’s formatting', async () => {
    const path = await dir.write(
      'update.ipynb',
      notebookJson([{ source: '6 * 7', outputs: [stdout('stale\n')] }, { source: 'console.log("new")' }, { source: '"kept"', tags: ['skip-execution'], outputs: [stdout('as committed\n')] }]),
    );
    const session = await NotebookTestRun.open(path, { update: true });
    for (const cell of session.cells) await session.runCell(cell.number);
    await session.close();
    const text = await readFile(path, 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n "cells": [');
    const saved = JSON.parse(text) as { cells: { id: string; outputs?: unknown[]; execution_count?: number | null }[] };
    expect(saved.cells.map((cell) => cell.id)).toEqual(['title', 'cell-1', 'cell-2', 'cell-3']);
    expect(saved.cells[1]?.outputs).toEqual([{ output_type: 'stream', name: 'stdout', text: ['42\n'] }]);
    expect(saved.cells[2]?.outputs).toEqual([{ output_type: 'stream', name: 'stdout', text: ['new\n'] }]);
    expect(saved.cells[3]?.outputs).toEqual([stdout('as committed\n')]);
    expect(succeeded(await runNotebook(path))).toBe(true);
  });

  it('runs jslab notebooks and several notebooks at once, in order', async () => {
    const js = await dir.write('js.ipynb', notebookJson([{ source: 'const a = [1, 2, 3];\na.map((x) => x * 2)', outputs: [stdout('[ 2, 4, 6 ]\n')] }], {}, 'jslab'));
    const ts = await dir.write('ts.ipynb', notebookJson([{ source: 'const s: string = "typed";\ns', outputs: [stdout('typed\n')] }]));
    const outcomes = await runNotebooks([js, ts], { jobs: 2 });
    expect(outcomes.map((o) => [o.path, succeeded(o)])).toEqual([
      [js, true],
      [ts, true],
    ]);
  });
});
