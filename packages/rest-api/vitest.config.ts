import { defineConfig } from 'vitest/config';

// Unit and security tests; servers they start listen on 127.0.0.1 port 0 and are closed.
export default defineConfig({ test: { include: ['src/**/*.test.ts'] } });
