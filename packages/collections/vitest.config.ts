import { defineConfig } from 'vitest/config';

// Unit and property tests; the benchmark lives in bench/ and never runs here.
export default defineConfig({ test: { include: ['src/**/*.test.ts'] } });
