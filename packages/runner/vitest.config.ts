import { defineConfig } from 'vitest/config';

// The runner's tests start real tslab kernels (a few seconds each on a small machine, tens of seconds on a loaded one).
export default defineConfig({ test: { testTimeout: 180_000, hookTimeout: 180_000 } });
