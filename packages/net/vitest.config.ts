import { defineConfig } from 'vitest/config';

// Unit, property and fault-injection tests against local servers; the benchmark lives in bench/.
export default defineConfig({ test: { include: ['src/**/*.test.ts'] } });
