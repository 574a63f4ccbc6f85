import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Notebook } from '@scalable-ts/notebook';
import { checkModeOf, parseCheckMode } from './check.js';
import { RunnerOptionError } from './errors.js';
import { runNotebooks, succeeded } from './run.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const withCheck = (check: unknown) => ({ cells: [], metadata: { scalable_ts: { check } }, nbformat: 4, nbformat_minor: 5 }) as unknown as Notebook;

describe('checkModeOf', () => {
  it('takes the command line first, then the notebook metadata, then outputs', () => {
    expect(checkModeOf(withCheck('none'), 'errors', 'nb')).toBe('errors');
    expect(checkModeOf(withCheck('none'), undefined, 'nb')).toBe('none');
    expect(checkModeOf({ cells: [], metadata: {}, nbformat: 4, nbformat_minor: 5 } as unknown as Notebook, undefined, 'nb')).toBe('outputs');
  });

  it('names the notebook and the bad value', () => {
    expect(() => checkModeOf(withCheck('strict'), undefined, 'a.ipynb')).toThrow(RunnerOptionError);
    expect(() => checkModeOf(withCheck('strict'), undefined, 'a.ipynb')).toThrow('a.ipynb notebook metadata scalable_ts.check: check must be one of outputs, errors, none, got "strict"');
    expect(() => parseCheckMode('all', '--check')).toThrow('--check: check must be one of outputs, errors, none, got "all"');
  });
});

describe('--check on the fixture notebooks', () => {
  const paths = [fixture('timing.ipynb'), fixture('run-only.ipynb')];
  const headlines = (outcome: { cells: { status: string; reason?: string; note?: string }[] }) => outcome.cells.map((c) => `${c.status}${c.reason ? `: ${c.reason}` : ''}${c.note ? ` (${c.note})` : ''}`);

  it('outputs (the default) fails the timing cell; the run-only notebook counts nothing but says what it saw', async () => {
    const [timing, runOnly] = await runNotebooks(paths, { jobs: 1 });
    expect(headlines(timing!)).toEqual(['failed: its outputs differ from the committed ones', 'passed']);
    expect(timing!.cells[0]?.error?.message).toMatch(/^-waited 20\.000 ms$/m);
    expect(headlines(runOnly!)).toEqual([
      'passed (not checked (check: none): its outputs differ from the committed ones)',
      'passed (not checked (check: none): the kernel reported an error)',
      'passed',
    ]);
    expect(runOnly!.cells[1]?.unchecked?.message).toMatch(/Type 'string' is not assignable to type 'number'/);
    expect([timing, runOnly].map((o) => succeeded(o!))).toEqual([false, true]);
  }, 240_000);

  it('errors passes the timing cell and, from the command line, fails the run-only notebook on its error only', async () => {
    const [timing, runOnly] = await runNotebooks(paths, { jobs: 1, check: 'errors' });
    expect(headlines(timing!)).toEqual(['passed', 'passed']);
    expect(headlines(runOnly!)).toEqual(['passed', 'failed: the kernel reported an error', 'passed']);
  }, 240_000);
});
