export { notebookTests } from './plugin.js';
export { defineBrokenNotebookSuite, defineNotebookSuite, type SuiteCell, type SuiteExercise } from './suite.js';
export { ENV, optionsFromEnv } from './env.js';
