export { NotebookTestRun, cellRefs, nodeRangeSkip, type CellOutcome, type CellRef, type ExerciseOutcome, type SessionOptions } from './session.js';
export { exerciseTitle, exercisesOf, type ExerciseRef } from './exercises.js';
export { runNotebook, runNotebooks, succeeded, type NotebookOutcome } from './run.js';
export { DEFAULT_TIMEOUT_SECONDS, cellTimeoutMs, parseTimeout } from './timeouts.js';
export { builtInSanitizers, findProjectRoot, loadSanitizeFile, notebookSanitizers } from './sanitizers.js';
export { CellFailure, ExerciseFailure, RunnerError, RunnerOptionError } from './errors.js';
