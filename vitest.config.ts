import { defineConfig } from 'vitest/config';

// One vitest for the whole repository: every package, and the notebooks (each a suite, each code
// cell a test): `npx vitest run notebooks/00-welcome.ipynb -t "[2]"` works from here.
export default defineConfig({ test: { projects: ['packages/*', 'notebooks'] } });
