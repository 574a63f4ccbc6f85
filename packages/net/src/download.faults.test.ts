/**
 * Reliability: against a seeded fault-injecting server (connections dropped at random offsets,
 * slow answers, stalls, 503s, and the content replaced mid-download), every run must end with a
 * file byte-identical to what the server serves at the end, and nothing else in the directory.
 * Half the runs are first aborted at a random point and then resumed.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { download } from './download.js';
import { prng, sha256 } from './test-support/content-server.js';
import { useFixtures } from './test-support/temp.js';

const fixtures = useFixtures();
const SEEDS = 50;
const seen = { retries: 0, restarts: 0, resumedBytes: 0 };

describe('download against a faulty server', () => {
  afterAll(() => {
    // The faults did happen: otherwise the test above proves nothing.
    console.log('faults exercised over all seeds:', seen);
    expect(seen.retries).toBeGreaterThan(SEEDS);
    expect(seen.restarts).toBeGreaterThan(SEEDS / 4);
    expect(seen.resumedBytes).toBeGreaterThan(0);
  });

  it.each(Array.from({ length: SEEDS }, (_, seed) => seed))('seed %i: byte-identical result', async (seed) => {
    const random = prng(seed * 104729 + 1);
    const pick = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
    const size = pick(200_000, 1_200_000);
    const chunkSize = pick(16_384, Math.floor(size / 6)); // ≥ 6 pieces, so a change at GET ≤ 5 lands mid-download
    const changes = random() < 0.6;
    const validators = pick(0, 2); // ETag, Last-Modified, or both
    const server = await fixtures.server({
      size,
      seed,
      etag: validators !== 1,
      lastModified: validators !== 0,
      faults: { seed, drop: 0.25, slow: 0.2, stall: 0.02, busy: 0.05 },
      ...(changes ? { changeAtGet: pick(2, 5), changedSize: random() < 0.5 ? size : pick(100_000, 1_200_000) } : {}),
    });
    const dir = await fixtures.tempDir();
    const destination = join(dir, 'file.bin');
    const options = {
      connections: pick(1, 6),
      chunkSize,
      retries: 30,
      retryDelayMs: 1,
      maxRetryDelayMs: 8,
      idleTimeoutMs: 100,
      saveIntervalMs: pick(0, 20),
    };

    if (random() < 0.5) {
      const controller = new AbortController();
      const stopAt = random() * size;
      await download(server.url, destination, {
        ...options,
        signal: controller.signal,
        progressIntervalMs: 0,
        onProgress: (event) => event.bytes >= stopAt && controller.abort(),
      }).catch((error: unknown) => expect(error).toMatchObject({ code: 'ABORT_ERR' }));
    }
    const result = await download(server.url, destination, options);
    seen.retries += result.retries;
    seen.restarts += result.restarts;
    seen.resumedBytes += result.resumedBytes;

    const bytes = await readFile(destination);
    expect(sha256(bytes)).toBe(sha256(server.content));
    expect(result.sha256).toBe(sha256(server.content));
    expect(result.bytes).toBe(server.content.length);
    expect(await fixtures.list(dir)).toEqual(['file.bin']);
  });

  it('a large file (hashed by a worker while it downloads) survives faults, an abort and a resume', async () => {
    const size = 12 * 1024 * 1024 + 17; // above INLINE_HASH_LIMIT
    const server = await fixtures.server({ size, seed: 99, faults: { seed: 99, drop: 0.2, slow: 0.2, busy: 0.05 } });
    const dir = await fixtures.tempDir();
    const destination = join(dir, 'large.bin');
    const options = { connections: 4, chunkSize: 512 * 1024, retries: 30, retryDelayMs: 1, maxRetryDelayMs: 8 };
    const controller = new AbortController();
    await download(server.url, destination, {
      ...options,
      signal: controller.signal,
      progressIntervalMs: 0,
      onProgress: (event) => event.bytes >= size / 2 && controller.abort(),
    }).catch((error: unknown) => expect(error).toMatchObject({ code: 'ABORT_ERR' }));
    const result = await download(server.url, destination, options);
    expect(result.resumedBytes).toBeGreaterThan(0);
    expect(result.sha256).toBe(sha256(server.content));
    expect(sha256(await readFile(destination))).toBe(sha256(server.content));
    expect(await fixtures.list(dir)).toEqual(['large.bin']);
  });
});
