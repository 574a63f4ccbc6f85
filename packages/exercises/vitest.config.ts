import { defineConfig } from 'vitest/config';

// Unit tests of checks(); the tslab import test lives in the runner (it starts a kernel).
export default defineConfig({ test: { include: ['src/**/*.test.ts'] } });
