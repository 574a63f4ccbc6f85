import { defineConfig } from 'vitest/config';

// The runner's tests start real tslab kernels (a few seconds each on a small machine).
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 60_000 } });
