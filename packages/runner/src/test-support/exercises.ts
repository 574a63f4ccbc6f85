/**
 * Fixture notebooks in the exercise form (issue 17) for the runner's own tests: markdown task,
 * starter (`exercise`), checks (`exercise-check`), solution (`solution`, `hide-input`).
 */
import { notebookJson, type TestCell } from './notebooks.js';

/** One exercise of a fixture: the task's markdown and the three code cells' sources. */
export interface FixtureExercise {
  task: string;
  starter: string;
  check: string;
  solution: string;
}

/** A sliding window that must keep the last 3 items; the starter keeps them all. */
export const WINDOW: FixtureExercise = {
  task: '### Exercise 1: a sliding window\n\nMake `push` keep only the last 3 items.',
  starter: 'function push(win: number[], x: number): number[] {\n  return [...win, x];\n}',
  check: [
    'import { checks } from "@scalable-ts/exercises";',
    'import assert from "node:assert/strict";',
    'await checks({',
    '  "keeps the last 3 items": () => assert.equal([1, 2, 3, 4].reduce(push, []).length, 3, `keeps 3 items; yours kept ${[1, 2, 3, 4].reduce(push, []).length}`),',
    '  "drops the oldest first": async () => assert.deepEqual(await Promise.resolve([1, 2, 3, 4].reduce(push, [])), [2, 3, 4], "the oldest goes first"),',
    '});',
  ].join('\n'),
  solution: 'function push(win: number[], x: number): number[] {\n  return [...win, x].slice(-3);\n}',
};

/** An async exercise: `twice` must resolve to double its input; the starter resolves to 0. */
export const TWICE: FixtureExercise = {
  task: '**Exercise 2.** Make `twice` resolve to twice its argument.',
  starter: 'async function twice(n: number): Promise<number> {\n  return 0;\n}',
  check: [
    'import { checks } from "@scalable-ts/exercises";',
    'import assert from "node:assert/strict";',
    'await checks({',
    '  "doubles": async () => assert.equal(await twice(21), 42, `twice(21) is 42; yours gave ${await twice(21)}`),',
    '  "is async": () => assert.ok(twice(1) instanceof Promise, "twice returns a promise"),',
    '});',
  ].join('\n'),
  solution: 'async function twice(n: number): Promise<number> {\n  return 2 * n;\n}',
};

/** The notebook cells of `exercise`: markdown task, then its three code cells. */
export function exerciseCells(exercise: FixtureExercise): (TestCell | { markdown: string })[] {
  return [
    { markdown: exercise.task },
    { source: exercise.starter, tags: ['exercise'] },
    { source: exercise.check, tags: ['exercise-check'] },
    { source: exercise.solution, tags: ['solution', 'hide-input'] },
  ];
}

/** A notebook of code and markdown cells (`notebookJson` takes code cells only). */
export function mixedNotebookJson(cells: (TestCell | { markdown: string })[], metadata: Record<string, unknown> = {}): Record<string, unknown> {
  const json = notebookJson(
    cells.filter((c): c is TestCell => 'source' in c),
    metadata,
  ) as { cells: Record<string, unknown>[] };
  const code = json.cells.slice(1);
  const merged: Record<string, unknown>[] = [json.cells[0] as Record<string, unknown>];
  let m = 0;
  for (const cell of cells) {
    if ('markdown' in cell) merged.push({ cell_type: 'markdown', id: `md-${++m}`, metadata: {}, source: [cell.markdown] });
    else merged.push(code.shift() as Record<string, unknown>);
  }
  return { ...json, cells: merged };
}
