/**
 * The cell tags the project's tools share. No Node APIs here: the workshop's page script
 * imports this file too (`@scalable-ts/notebook/tags`).
 */
/**
 * The tags of the exercise form (issue 17), the one vocabulary the runner, the workshop and the
 * scaffold share:
 * - `exercise`: the starter a learner edits; it compiles and runs, but is wrong;
 * - `exercise-check`: right after it, the checks (`checks()` of `@scalable-ts/exercises`);
 * - `solution`: the reference answer, defining the same names (with `hide-input` beside it);
 * - `predict`: a cell whose output the learner writes down before running it.
 */
export const EXERCISE_TAGS = {
  exercise: 'exercise',
  check: 'exercise-check',
  solution: 'solution',
  predict: 'predict',
} as const;
