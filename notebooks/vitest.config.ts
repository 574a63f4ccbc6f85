import { notebookTests } from '@scalable-ts/runner/vitest';
import { defineProject } from 'vitest/config';

// Each notebook is a suite and each code cell a test, run on a real tslab kernel.
export default defineProject({
  plugins: [notebookTests()],
  test: { name: 'notebooks', isolate: false, include: ['**/*.ipynb'], exclude: ['**/node_modules/**', '**/.*/**'] },
});
