/** Temporary directories and servers for tests, cleaned up after each test. */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { startContentServer, type ContentServer, type ContentServerOptions } from './content-server.js';

/**
 * Registers cleanup for the calling test file and returns helpers that make a temporary directory
 * and start a content server, both removed or closed after each test.
 */
export function useFixtures(): {
  tempDir: () => Promise<string>;
  server: (options: ContentServerOptions) => Promise<ContentServer>;
  list: (dir: string) => Promise<string[]>;
} {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return {
    async tempDir() {
      const dir = await mkdtemp(join(tmpdir(), 'scalable-net-'));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      return dir;
    },
    async server(options) {
      const server = await startContentServer(options);
      cleanups.push(() => server.close());
      return server;
    },
    async list(dir) {
      return (await readdir(dir)).sort();
    },
  };
}
