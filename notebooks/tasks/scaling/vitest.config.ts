import { defineConfig } from 'vitest/config';

// The clean-up test of notebook 14-scaling-out (it runs the notebook itself, on a real kernel).
export default defineConfig({ test: { include: ['cleanup.test.ts'], root: import.meta.dirname } });
