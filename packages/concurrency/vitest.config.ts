import { defineConfig } from 'vitest/config';

// Unit, property and reliability (randomized stress) tests; benchmarks live in bench/, never here.
export default defineConfig({ test: { include: ['src/**/*.test.ts'] } });
