import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { download } from './download.js';
import { AbortError, ChecksumMismatchError, ContentChangedError, HttpStatusError } from './errors.js';
import { loadPartState } from './part-state.js';
import type { ProgressEvent } from './progress.js';
import { sha256 } from './test-support/content-server.js';
import { useFixtures } from './test-support/temp.js';

const fixtures = useFixtures();
const fast = { retryDelayMs: 1, maxRetryDelayMs: 5, idleTimeoutMs: 2000 } as const;

describe('download', () => {
  it('fetches ranges over several connections and writes a byte-identical file', async () => {
    const server = await fixtures.server({ size: 1_000_003, seed: 1 });
    const dir = await fixtures.tempDir();
    const destination = join(dir, 'out.bin');
    const result = await download(server.url, destination, { connections: 4, chunkSize: 100_000 });
    const bytes = await readFile(destination);
    expect(bytes.equals(server.content)).toBe(true);
    expect(result).toMatchObject({ bytes: 1_000_003, sha256: sha256(server.content), ranged: true, connections: 4, resumedBytes: 0 });
    expect(result.transferredBytes).toBe(1_000_003);
    expect(await fixtures.list(dir)).toEqual(['out.bin']);
    const gets = server.log.filter((entry) => entry.method === 'GET');
    expect(gets.every((entry) => entry.status === 206)).toBe(true);
    expect(gets).toHaveLength(11);
  });

  it('falls back to one plain stream when the server has no range support', async () => {
    const server = await fixtures.server({ size: 300_000, seed: 2, ranges: false });
    const destination = join(await fixtures.tempDir(), 'out.bin');
    const result = await download(server.url, destination, { connections: 4, chunkSize: 50_000 });
    expect((await readFile(destination)).equals(server.content)).toBe(true);
    expect(result).toMatchObject({ ranged: false, connections: 1, sha256: sha256(server.content) });
    expect(server.log.filter((entry) => entry.method === 'GET')).toEqual([{ method: 'GET', range: undefined, status: 200 }]);
  });

  it('streams a body of unknown length (chunked, no HEAD length)', async () => {
    const server = await fixtures.server({ size: 200_000, seed: 3, length: false });
    const destination = join(await fixtures.tempDir(), 'out.bin');
    const result = await download(server.url, destination);
    expect((await readFile(destination)).equals(server.content)).toBe(true);
    expect(result).toMatchObject({ bytes: 200_000, ranged: false });
  });

  it('probes with a one-byte GET when HEAD is refused', async () => {
    const server = await fixtures.server({ size: 250_000, seed: 4, head: false });
    const destination = join(await fixtures.tempDir(), 'out.bin');
    const result = await download(server.url, destination, { chunkSize: 100_000 });
    expect((await readFile(destination)).equals(server.content)).toBe(true);
    expect(result.ranged).toBe(true);
    expect(server.log[1]).toEqual({ method: 'GET', range: 'bytes=0-0', status: 206 });
  });

  it('downloads an empty file', async () => {
    const server = await fixtures.server({ size: 0, seed: 5 });
    const destination = join(await fixtures.tempDir(), 'empty.bin');
    const result = await download(server.url, destination);
    expect(await readFile(destination)).toHaveLength(0);
    expect(result.sha256).toBe(sha256(Buffer.alloc(0)));
  });

  it('starts over as one stream when the server answers ranges with 200 (ranges advertised, ignored)', async () => {
    const server = await fixtures.server({ size: 400_000, seed: 6, ranges: 'ignore' });
    const destination = join(await fixtures.tempDir(), 'out.bin');
    const result = await download(server.url, destination, { connections: 3, chunkSize: 100_000 });
    expect((await readFile(destination)).equals(server.content)).toBe(true);
    expect(result).toMatchObject({ ranged: false, restarts: 0 });
  });

  it('starts over when a 416 shows the file shrank mid-download (server without If-Range)', async () => {
    const server = await fixtures.server({ size: 500_000, seed: 7, ifRange: false, changeAtGet: 3, changedSize: 120_000 });
    const destination = join(await fixtures.tempDir(), 'out.bin');
    const result = await download(server.url, destination, { connections: 1, chunkSize: 100_000 });
    expect(server.log.some((entry) => entry.status === 416)).toBe(true);
    expect((await readFile(destination)).equals(server.content)).toBe(true);
    expect(result).toMatchObject({ restarts: 1, bytes: 120_000 });
  });

  it('starts over when the ETag changes mid-download (If-Range answered with 200)', async () => {
    const server = await fixtures.server({ size: 600_000, seed: 8, changeAtGet: 3 });
    const destination = join(await fixtures.tempDir(), 'out.bin');
    const result = await download(server.url, destination, { connections: 2, chunkSize: 100_000 });
    expect((await readFile(destination)).equals(server.content)).toBe(true);
    expect(result.restarts).toBe(1);
  });

  it('gives up with ContentChangedError when the file keeps changing', async () => {
    const server = await fixtures.server({ size: 300_000, seed: 9, changeAtGet: 2 });
    const destination = join(await fixtures.tempDir(), 'out.bin');
    const error = await download(server.url, destination, { chunkSize: 100_000, maxRestarts: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentChangedError);
    expect((error as ContentChangedError).code).toBe('ERR_CONTENT_CHANGED');
  });

  it('rejects with HttpStatusError naming the URL and status, and writes nothing', async () => {
    const server = await fixtures.server({ size: 10, seed: 10, status: 404 });
    const dir = await fixtures.tempDir();
    const error = await download(server.url, join(dir, 'out.bin')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect(error).toMatchObject({ status: 404, url: server.url, code: 'ERR_HTTP_STATUS' });
    expect((error as Error).message).toContain(server.url);
    expect(await fixtures.list(dir)).not.toContain('out.bin');
  });

  it('verifies expectedSha256, and on a mismatch leaves no final file and no .part', async () => {
    const server = await fixtures.server({ size: 200_000, seed: 11 });
    const dir = await fixtures.tempDir();
    const destination = join(dir, 'out.bin');
    const good = await download(server.url, destination, { expectedSha256: sha256(server.content).toUpperCase() });
    expect(good.sha256).toBe(sha256(server.content));

    const other = join(dir, 'other.bin');
    const wrong = 'ab'.repeat(32);
    const error = await download(server.url, other, { expectedSha256: wrong }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChecksumMismatchError);
    expect(error).toMatchObject({ code: 'ERR_CHECKSUM_MISMATCH', expected: wrong, actual: sha256(server.content), file: other });
    expect(await fixtures.list(dir)).toEqual(['out.bin']);
  });

  it('never leaves a partial file under the final name, and replaces an old one atomically', async () => {
    const server = await fixtures.server({ size: 300_000, seed: 12, faults: { seed: 1, drop: 1 } });
    const dir = await fixtures.tempDir();
    const destination = join(dir, 'out.bin');
    await writeFile(destination, 'old');
    const error = await download(server.url, destination, { ...fast, retries: 0 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ERR_CONNECTION' });
    expect(await readFile(destination, 'utf8')).toBe('old');
    expect(await fixtures.list(dir)).toEqual(['out.bin', 'out.bin.part', 'out.bin.part.json']);
  });

  it('retries a busy server (503) with backoff', async () => {
    const server = await fixtures.server({ size: 300_000, seed: 13, faults: { seed: 2, busy: 0.5 } });
    const destination = join(await fixtures.tempDir(), 'out.bin');
    const result = await download(server.url, destination, { ...fast, retries: 20, chunkSize: 50_000 });
    expect((await readFile(destination)).equals(server.content)).toBe(true);
    expect(result.retries).toBeGreaterThan(0);
  });

  it('drops a stalled connection after idleTimeoutMs and retries it', async () => {
    const server = await fixtures.server({ size: 300_000, seed: 14, faults: { seed: 3, stall: 0.3 } });
    const destination = join(await fixtures.tempDir(), 'out.bin');
    const result = await download(server.url, destination, { ...fast, idleTimeoutMs: 100, retries: 20, chunkSize: 50_000 });
    expect((await readFile(destination)).equals(server.content)).toBe(true);
    expect(result.retries).toBeGreaterThan(0);
  });

  it('reports throttled progress, ending with a done event at the total', async () => {
    const server = await fixtures.server({ size: 2_000_000, seed: 15, faults: { seed: 4, slow: 1 } });
    const destination = join(await fixtures.tempDir(), 'out.bin');
    const events: ProgressEvent[] = [];
    await download(server.url, destination, { chunkSize: 100_000, progressIntervalMs: 0, onProgress: (event) => events.push(event) });
    const last = events.at(-1)!;
    expect(last).toMatchObject({ bytes: 2_000_000, total: 2_000_000, transferred: 2_000_000, done: true });
    expect(events.filter((event) => event.done)).toHaveLength(1);
    for (let i = 1; i < events.length; i++) expect(events[i]!.bytes).toBeGreaterThanOrEqual(events[i - 1]!.bytes);
    expect(events.every((event) => event.rate >= 0 && Number.isFinite(event.rate))).toBe(true);
  });

  it('on abort, keeps a resumable .part; a rerun fetches only the missing bytes', async () => {
    const size = 3_000_000;
    const server = await fixtures.server({ size, seed: 16, faults: { seed: 5, slow: 1 } });
    const dir = await fixtures.tempDir();
    const destination = join(dir, 'out.bin');
    const controller = new AbortController();
    const error = await download(server.url, destination, {
      chunkSize: 100_000,
      connections: 2,
      progressIntervalMs: 0,
      signal: controller.signal,
      onProgress: (event) => {
        if (event.bytes >= size / 3) controller.abort(new Error('enough'));
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ code: 'ABORT_ERR', name: 'AbortError', cause: new Error('enough') });
    expect(await fixtures.list(dir)).toEqual(['out.bin.part', 'out.bin.part.json']);
    const state = (await loadPartState(`${destination}.part.json`))!;
    const saved = state.done.reduce((sum, [start, end]) => sum + end - start, 0);
    expect(saved).toBeGreaterThanOrEqual(size / 3);

    const sentBefore = server.bytesSent;
    const result = await download(server.url, destination, { chunkSize: 100_000 });
    expect((await readFile(destination)).equals(server.content)).toBe(true);
    expect(result.resumedBytes).toBe(saved);
    expect(result.transferredBytes).toBe(size - saved);
    expect(server.bytesSent - sentBefore).toBe(size - saved);
    expect(await fixtures.list(dir)).toEqual(['out.bin']);
  });

  it('does not resume a .part whose ETag no longer matches', async () => {
    const server = await fixtures.server({ size: 1_000_000, seed: 17 });
    const dir = await fixtures.tempDir();
    const destination = join(dir, 'out.bin');
    const controller = new AbortController();
    await download(server.url, destination, {
      chunkSize: 100_000,
      connections: 1,
      progressIntervalMs: 0,
      signal: controller.signal,
      onProgress: (event) => event.bytes >= 300_000 && controller.abort(),
    }).catch(() => undefined);
    server.change();
    const result = await download(server.url, destination, { chunkSize: 100_000 });
    expect(result.resumedBytes).toBe(0);
    expect((await readFile(destination)).equals(server.content)).toBe(true);
  });

  it('rejects at once when the signal is already aborted, and validates its arguments', async () => {
    const dir = await fixtures.tempDir();
    await expect(download('http://127.0.0.1:9/x', join(dir, 'x'), { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
    await expect(download('ftp://example.com/x', join(dir, 'x'))).rejects.toThrow(/http: or https:/);
    await expect(download('http://127.0.0.1:9/x', join(dir, 'x'), { connections: 0 })).rejects.toThrow(RangeError);
    await expect(download('http://127.0.0.1:9/x', join(dir, 'x'), { expectedSha256: 'nope' })).rejects.toThrow(/expectedSha256/);
    expect(await fixtures.list(dir)).toEqual([]);
  });
});
