/**
 * Errors of the runner, each with a stable `code`.
 */

import { CodedError, coded } from '@scalable-ts/base';

/** The stable codes of this package's errors, one per class. */
export type RunnerErrorCode = 'ERR_CELL_FAILED' | 'ERR_EXERCISE_FAILED' | 'ERR_RUNNER_OPTION';

/** Base class of every error this package throws. */
export abstract class RunnerError extends CodedError<RunnerErrorCode> {}

/** A cell failed: its message names the notebook, the cell, its source and what went wrong. */
export class CellFailure extends coded(RunnerError, 'ERR_CELL_FAILED') {
  constructor(
    readonly notebookPath: string,
    readonly cellNumber: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

/** An exercise failed its proof: its message names the notebook, the exercise, its cells and which direction failed. */
export class ExerciseFailure extends coded(RunnerError, 'ERR_EXERCISE_FAILED') {
  constructor(
    readonly notebookPath: string,
    readonly exerciseNumber: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

/** A bad option value (a timeout that is not a positive number of seconds, a bad shard). */
export class RunnerOptionError extends coded(RunnerError, 'ERR_RUNNER_OPTION') {
  constructor(message: string) {
    super(message);
  }
}
