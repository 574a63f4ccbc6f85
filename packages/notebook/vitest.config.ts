import { defineConfig } from 'vitest/config';

// Fast unit tests only; no kernel is started here.
export default defineConfig({ test: { include: ['src/**/*.test.ts'] } });
