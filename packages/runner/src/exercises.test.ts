import { readFile } from 'node:fs/promises';
import { createNotebook } from '@scalable-ts/notebook';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exerciseTitle, exercisesOf } from './exercises.js';
import { runNotebook, runNotebooks, succeeded } from './run.js';
import { nodeRangeSkip } from './session.js';
import { TWICE, WINDOW, exerciseCells, mixedNotebookJson, type FixtureExercise } from './test-support/exercises.js';
import { scratch, stdout } from './test-support/notebooks.js';

let dir: Awaited<ReturnType<typeof scratch>>;
beforeAll(async () => {
  dir = await scratch();
});
afterAll(async () => {
  await dir.remove();
});

/** The fixture: two exercises, then cells that need a Node this machine does not have, or any. */
const fixture = (first: FixtureExercise = WINDOW) =>
  mixedNotebookJson([
    { markdown: '## Exercises' },
    ...exerciseCells(first),
    ...exerciseCells(TWICE),
    { source: '"only on a future Node"', metadata: { scalable_ts: { node: '>=999' } }, outputs: [stdout('as committed\n')] },
    { source: '"on any Node from 20"', metadata: { scalable_ts: { node: '>=20' } } },
    { source: 'push([1, 2, 3], 4)' },
  ]);

describe('exercisesOf', () => {
  it('finds each starter with its checks and solution, titled by the markdown above it', () => {
    const exercises = exercisesOf(fixture() as never);
    expect(exercises).toEqual([
      { number: 1, title: 'a sliding window', name: '[exercise 1] a sliding window', starter: 1, check: 2, solution: 3 },
      { number: 2, title: 'Make `twice` resolve to twice its argument', name: '[exercise 2] Make `twice` resolve to twice its argument', starter: 4, check: 5, solution: 6 },
    ]);
  });

  it('names what is missing from a broken form', () => {
    const nb = mixedNotebookJson([
      { source: 'let a = 1', tags: ['exercise'] },
      { source: 'a', tags: ['exercise-check'] },
      { source: 'let b = 1', tags: ['exercise'] },
    ]);
    expect(exercisesOf(nb as never).map((e) => [e.title, e.problem])).toEqual([
      ['A test notebook', 'the checks, cell [2], are not followed by a cell tagged solution'],
      ['(untitled)', 'the starter, cell [3], is not followed by a cell tagged exercise-check'],
    ]);
  });

  it('titles: heading marks, emphasis and an "Exercise N" prefix go', () => {
    expect(exerciseTitle('#### Exercise 3 — count words\nmore')).toBe('count words');
    expect(exerciseTitle('\n**Bounded queue**: write it')).toBe('Bounded queue');
    expect(exerciseTitle('2. **Freeze all the way down.** `Object.freeze` is shallow. Write `deepFreeze`')).toBe('Freeze all the way down');
    expect(exerciseTitle('Write `f(x)`, which doubles')).toBe('Write `f(x)`, which doubles');
    expect(exerciseTitle(undefined)).toBe('(untitled)');
  });
});

describe('scalable_ts.node', () => {
  it('skips a cell on a Node outside the range, with the reason, and refuses a bad range', () => {
    expect(nodeRangeSkip('>=26', 'v22.12.0')).toBe('needs Node >=26; the kernel runs v22.12.0');
    expect(nodeRangeSkip('>=26', 'v26.1.0')).toBeUndefined();
    expect(nodeRangeSkip('^22.12 || >=24', 'v24.0.0')).toBeUndefined();
    expect(() => nodeRangeSkip('banana')).toThrow(/semver range such as ">=26", got "banana"/);
    expect(() => nodeRangeSkip(26)).toThrow(TypeError);
  });
});

describe('exercises on a kernel', () => {
  it('proves both directions, keeps execution counts as a clean run, and compares the check cells’ committed outputs', async () => {
    const path = await dir.write('exercises.ipynb', fixture());
    const updated = await runNotebook(path, { update: true });
    expect(updated.exercises.map((e) => e.status)).toEqual(['passed', 'passed']);
    const saved = JSON.parse(await readFile(path, 'utf8')) as { cells: { cell_type: string; execution_count?: number | null; outputs?: { data?: Record<string, unknown> }[] }[] };
    const code = saved.cells.filter((c) => c.cell_type === 'code');
    // The proofs (checks run again after each solution) are not counted; the skipped cell keeps its committed 7.
    expect(code.map((c) => c.execution_count)).toEqual([1, 2, 3, 4, 5, 6, 7, 7, 8]);
    expect(code[1]?.outputs?.[0]?.data?.['text/plain']).toEqual(['✘ keeps the last 3 items: keeps 3 items; yours kept 4\n', '✘ drops the oldest first: the oldest goes first']);
    expect(code[1]?.outputs?.[0]?.data?.['application/vnd.scalable-ts.checks+json']).toMatchObject({ total: 2, failed: 2 });

    const outcome = await runNotebook(path);
    expect(outcome.cells.map((c) => [c.number, c.status, c.reason ?? c.note ?? ''])).toEqual([
      [1, 'passed', ''],
      [2, 'passed', '2 of 2 checks failed on the untouched starter, as expected'],
      [3, 'passed', ''],
      [4, 'passed', ''],
      [5, 'passed', '1 of 2 checks failed on the untouched starter, as expected'],
      [6, 'passed', ''],
      [7, 'skipped', `needs Node >=999; the kernel runs ${process.version}`],
      [8, 'passed', ''],
      [9, 'passed', ''],
    ]);
    expect(outcome.exercises.map((e) => [e.name, e.status, e.starter?.failed, e.solution?.passed])).toEqual([
      ['[exercise 1] a sliding window', 'passed', 2, 2],
      ['[exercise 2] Make `twice` resolve to twice its argument', 'passed', 1, 2],
    ]);
    expect(outcome.notebook?.cells.filter((c) => c.cell_type === 'code')[6]).toMatchObject({ outputs: [stdout('as committed\n')] });
    expect(succeeded(outcome)).toBe(true);
  }, 120_000); // two kernels, one after the other

  it('mutation: a solution replaced by its starter fails its exercise, and the run', async () => {
    const path = await dir.write('mutated.ipynb', fixture({ ...WINDOW, solution: WINDOW.starter }));
    const outcome = await runNotebook(path);
    expect(outcome.cells.every((c) => c.status !== 'failed')).toBe(true);
    expect(outcome.exercises.map((e) => e.status)).toEqual(['failed', 'passed']);
    const message = outcome.exercises[0]?.error?.message ?? '';
    expect(message).toContain('mutated.ipynb › [exercise 1] a sliding window (cells [1], [2], [3]): 2 of 2 checks failed after the solution');
    expect(message).toContain('✘ keeps the last 3 items: keeps 3 items; yours kept 4');
    expect(outcome.exercises[0]?.error?.code).toBe('ERR_EXERCISE_FAILED');
    expect(succeeded(outcome)).toBe(false);
  });

  it('fails a check that cannot fail, checks that never ran, a broken form and a bad Node range', async () => {
    const path = await dir.write(
      'defects.ipynb',
      mixedNotebookJson([
        ...exerciseCells({ ...WINDOW, starter: WINDOW.solution }),
        ...exerciseCells({ ...TWICE, check: 'notDefinedAnywhere();\nawait checks({ "doubles": () => {} })' }),
        { source: 'let lonely = 1', tags: ['exercise'] },
        { source: '"next"', metadata: { scalable_ts: { node: 'banana' } } },
      ]),
    );
    const outcome = await runNotebook(path);
    expect(outcome.cells.map((c) => [c.number, c.status])).toEqual([
      [1, 'passed'],
      [2, 'failed'],
      [3, 'passed'],
      [4, 'passed'],
      [5, 'failed'],
      [6, 'passed'],
      [7, 'passed'],
      [8, 'failed'],
    ]);
    expect(outcome.cells[1]?.reason).toBe('every check passed on the untouched starter of exercise 1: a check that cannot fail is a defect');
    expect(outcome.cells[4]?.reason).toBe('the checks of exercise 2 did not run on the starter (an error before checks() reported any)');
    expect(outcome.cells[4]?.error?.message).toContain("Cannot find name 'notDefinedAnywhere'");
    expect(outcome.cells[7]?.reason).toMatch(/scalable_ts.node must be a semver range/);
    expect(outcome.exercises.map((e) => [e.status, e.reason])).toEqual([
      ['failed', 'starter: every check passed on the untouched starter of exercise 1: a check that cannot fail is a defect'],
      ['failed', 'starter: the checks of exercise 2 did not run on the starter (an error before checks() reported any)'],
      ['failed', 'the starter, cell [7], is not followed by a cell tagged exercise-check'],
    ]);
  });

  it('a scaffolded notebook (npm run new-notebook) proves its two exercises, TypeScript and JavaScript', async () => {
    const paths = await Promise.all((['tslab', 'jslab'] as const).map((kernel) => dir.write(`new-${kernel}.ipynb`, createNotebook({ title: 'New', kernel }))));
    const outcomes = await runNotebooks(paths, { jobs: 2 });
    for (const outcome of outcomes) {
      expect(outcome.cells.map((c) => c.error?.message ?? '').join(''), outcome.path).toBe('');
      expect(outcome.exercises.map((e) => [e.name, e.status]), outcome.path).toEqual([
        ['[exercise 1] TODO a title', 'passed'],
        ['[exercise 2] TODO a title', 'passed'],
      ]);
      expect(succeeded(outcome)).toBe(true);
    }
  }, 120_000);
});
