import { defineConfig } from 'vitest/config';

// The machine-checkable house rules of every notebook (shape, verdicts where they are compared).
export default defineConfig({ test: { include: ['house-rules.test.ts'], root: import.meta.dirname } });
