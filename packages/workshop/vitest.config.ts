import { defineConfig } from 'vitest/config';

// Unit tests, the security tests against a real server on 127.0.0.1, and the browser tests
// (Chromium through playwright-core). The browser and kernel tests start real tslab kernels, so
// files run one at a time to stay within two cores.
export default defineConfig({
  test: {
    name: 'workshop',
    include: ['src/**/*.test.ts', 'client/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The browser tests wait on real kernels; on a loaded CI machine a first import can take seconds.
    expect: { poll: { timeout: 20_000, interval: 50 } },
  },
});
