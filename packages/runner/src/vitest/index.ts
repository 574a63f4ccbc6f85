export { notebookTests } from './plugin.js';
export { defineBrokenNotebookSuite, defineNotebookSuite, type SuiteCell } from './suite.js';
export { ENV, optionsFromEnv } from './env.js';
