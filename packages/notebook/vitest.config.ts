import { defineConfig } from 'vitest/config';

// Fast unit tests only; no kernel is started here. `@scalable-ts/base` is inlined (run through
// vitest, not loaded by Node) so write.test.ts's mock of node:fs/promises reaches writeFileAtomic.
export default defineConfig({ test: { include: ['src/**/*.test.ts'], server: { deps: { inline: ['@scalable-ts/base'] } } } });
