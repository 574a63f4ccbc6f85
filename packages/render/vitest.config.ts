import { defineConfig } from 'vitest/config';

// Fast, file-system and loopback-only tests; shiki is created once per test file.
export default defineConfig({ test: { name: 'render', include: ['src/**/*.test.ts'] } });
