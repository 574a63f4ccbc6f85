import { defineConfig } from 'vitest/config';

// Every kernel test starts a real tslab kernel (a few seconds on a small machine).
export default defineConfig({ test: { testTimeout: 30_000, hookTimeout: 30_000 } });
