/**
 * Errors of the runner, each with a stable `code`.
 */

/** Base class of every error this package throws. */
export class RunnerError extends Error {
  /** A stable machine-readable code. */
  readonly code: string;

  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A cell failed: its message names the notebook, the cell, its source and what went wrong. */
export class CellFailure extends RunnerError {
  constructor(
    readonly notebookPath: string,
    readonly cellNumber: number,
    readonly reason: string,
    message: string,
  ) {
    super('ERR_CELL_FAILED', message);
  }
}

/** An exercise failed its proof: its message names the notebook, the exercise, its cells and which direction failed. */
export class ExerciseFailure extends RunnerError {
  constructor(
    readonly notebookPath: string,
    readonly exerciseNumber: number,
    readonly reason: string,
    message: string,
  ) {
    super('ERR_EXERCISE_FAILED', message);
  }
}

/** A bad option value (a timeout that is not a positive number of seconds, a bad shard). */
export class RunnerOptionError extends RunnerError {
  constructor(message: string) {
    super('ERR_RUNNER_OPTION', message);
  }
}
