/**
 * The exercises of a notebook, as the runner proves them (issue 17). An exercise is three code
 * cells in a row after the markdown that states the task: the starter (tag `exercise`), its
 * checks (`exercise-check`) and the reference answer (`solution`). Reading the notebook finds
 * them and the form's mistakes; proving them is the session's job (`session.ts`).
 */
import { cellPolicy, sourceHeadline, sourceText, type Notebook } from '@scalable-ts/notebook';

/** One exercise of a notebook, by code cell numbers (1-based, as the runner's cells). */
export interface ExerciseRef {
  /** 1-based among the notebook's exercises. */
  number: number;
  /**
   * From the first line of the markdown above the starter, without heading marks, emphasis or an
   * "Exercise N:" or "N." prefix: its first sentence.
   */
  title: string;
  /** The test name: `[exercise N] title`. */
  name: string;
  /** The starter cell (`exercise`). */
  starter: number;
  /** The checks (`exercise-check`), when the starter is followed by them. */
  check?: number;
  /** The reference answer (`solution`), when the checks are followed by one. */
  solution?: number;
  /** What is wrong with the form, when something is (the exercise then fails). */
  problem?: string;
}

/** The title of an exercise from the markdown above its starter. */
export function exerciseTitle(markdown: string | undefined): string {
  const line = (markdown ?? '').split('\n').find((l) => l.trim() !== '') ?? '';
  const plain = line
    .replace(/^\s*#+\s*/, '')
    .replace(/[*_]{1,2}([^*_]+)[*_]{1,2}/g, '$1')
    .replace(/^\s*exercise\s*\d*\s*[:.\u2014\u2013-]?\s*/i, '')
    .replace(/^\s*\d+[.)]\s+/, '')
    .trim();
  // "Moving average. Write `movingAverage(…)` that…": the first sentence names the exercise.
  const sentence = /^(.{3,}?)[.:!?](?:\s|$)/.exec(plain)?.[1];
  const title = sentence ?? plain;
  return title === '' ? '(untitled)' : sourceHeadline(title);
}

/** Finds the exercises of `notebook`: each starter with the checks and solution after it. */
export function exercisesOf(notebook: Pick<Notebook, 'cells'>): ExerciseRef[] {
  const exercises: ExerciseRef[] = [];
  let codeNumber = 0;
  let markdown: string | undefined;
  const code: { number: number; role: ReturnType<typeof cellPolicy>['exercise'] }[] = [];
  const titles = new Map<number, string | undefined>();
  for (const cell of notebook.cells) {
    if (cell.cell_type === 'markdown') markdown = sourceText(cell);
    if (cell.cell_type !== 'code') continue;
    codeNumber += 1;
    const role = cellPolicy(cell).exercise;
    code.push({ number: codeNumber, role });
    if (role === 'starter') titles.set(codeNumber, markdown);
    markdown = undefined;
  }
  code.forEach(({ number, role }, i) => {
    if (role !== 'starter') return;
    const n = exercises.length + 1;
    const title = exerciseTitle(titles.get(number));
    const ref: ExerciseRef = { number: n, title, name: `[exercise ${n}] ${title}`, starter: number };
    const next = code[i + 1];
    const after = code[i + 2];
    if (next?.role !== 'check') ref.problem = `the starter, cell [${number}], is not followed by a cell tagged exercise-check`;
    else {
      ref.check = next.number;
      if (after?.role !== 'solution') ref.problem = `the checks, cell [${next.number}], are not followed by a cell tagged solution`;
      else ref.solution = after.number;
    }
    exercises.push(ref);
  });
  return exercises;
}
