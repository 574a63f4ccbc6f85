import { describe, expect, it } from 'vitest';
import { CancelledError, PoolClosedError, PoolQueueFullError, WorkerCrashedError } from '../errors.js';
import { WorkerPool } from './worker-pool.js';

const filename = new URL('./test-fixtures/tasks.mjs', import.meta.url);

async function withPool<T>(options: Partial<ConstructorParameters<typeof WorkerPool>[0]>, body: (pool: WorkerPool) => Promise<T>): Promise<T> {
  const pool = new WorkerPool({ filename, size: 2, ...options });
  try {
    return await body(pool);
  } finally {
    await pool.close({ wait: false });
  }
}

describe('WorkerPool', () => {
  it('runs exported functions and maps in order or as finished', () =>
    withPool({}, async (pool) => {
      expect(await pool.run('add', [1, 2])).toBe(3);
      const ordered: unknown[] = [];
      for await (const v of pool.map('add', Array.from({ length: 20 }, (_, i) => [i, 1]), { chunkSize: 3 })) ordered.push(v);
      expect(ordered).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      const unordered: unknown[] = [];
      for await (const v of pool.map('later', [['slow', 60], ['fast', 1]], { ordered: false })) unordered.push(v);
      expect(unordered).toEqual(['fast', 'slow']);
      expect(pool.stats).toMatchObject({ size: 2, workers: 2, busy: 0, queued: 0, failed: 0 });
    }));

  it('rejects with the original error: name, message, stack, code', () =>
    withPool({}, async (pool) => {
      const error = await pool.run('fail', ['boom']).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({ name: 'RangeError', message: 'boom', code: 'E_TASK' });
      expect((error as Error).stack).toContain('tasks.mjs');
      await expect(pool.run('nope')).rejects.toThrow(/no exported function "nope"/);
      expect(pool.stats.failed).toBe(2);
    }));

  it('a crashed worker rejects only its task and is replaced', () =>
    withPool({}, async (pool) => {
      const results = await Promise.allSettled([pool.run('later', [1, 50]), pool.run('crash', [7]), pool.run('add', [2, 2])]);
      expect(results[0]).toEqual({ status: 'fulfilled', value: 1 });
      expect(results[1]).toMatchObject({ status: 'rejected', reason: expect.any(WorkerCrashedError) });
      expect((results[1] as PromiseRejectedResult).reason.exitCode).toBe(7);
      expect(results[2]).toEqual({ status: 'fulfilled', value: 4 });
      expect(pool.stats.workers).toBe(2);
    }));

  it('resourceLimits pass through: a worker out of memory crashes and is replaced', () =>
    withPool({ size: 1, resourceLimits: { maxOldGenerationSizeMb: 16 } }, async (pool) => {
      await expect(pool.run('allocate')).rejects.toBeInstanceOf(WorkerCrashedError);
      expect(await pool.run('add', [1, 1])).toBe(2);
    }));

  it('cancels a queued task through its signal, and a running one by replacing its worker', () =>
    withPool({ size: 1 }, async (pool) => {
      const running = new AbortController();
      const queued = new AbortController();
      const a = pool.run('spin', [5_000], { signal: running.signal });
      const b = pool.run('add', [1, 1], { signal: queued.signal });
      const c = pool.run('add', [2, 2]);
      queued.abort(new Error('queued abort'));
      await expect(b).rejects.toThrow('queued abort');
      running.abort(new Error('running abort'));
      await expect(a).rejects.toThrow('running abort');
      expect(await c).toBe(4);
      expect(pool.stats).toMatchObject({ cancelled: 2, completed: 1, workers: 1 });
      const aborted = AbortSignal.abort(new Error('already'));
      await expect(pool.run('add', [1, 1], { signal: aborted })).rejects.toThrow('already');
    }));

  it('stopping a map early cancels its chunks in flight; the pool stays whole', () =>
    withPool({}, async (pool) => {
      const seen: unknown[] = [];
      for await (const v of pool.map('later', Array.from({ length: 50 }, (_, i) => [i, i === 0 ? 1 : 5_000]))) {
        seen.push(v);
        break;
      }
      expect(seen).toEqual([0]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(pool.stats).toMatchObject({ busy: 0, queued: 0, workers: 2 });
      expect(await pool.run('add', [1, 1])).toBe(2);
    }));

  it('bounds its queue with a clear error', () =>
    withPool({ size: 1, maxQueue: 1 }, async (pool) => {
      const a = pool.run('later', [1, 30]);
      const b = pool.run('add', [1, 1]);
      await expect(pool.run('add', [1, 1])).rejects.toBeInstanceOf(PoolQueueFullError);
      expect(await Promise.all([a, b])).toEqual([1, 2]);
    }));

  it('transfers ArrayBuffers listed in transfer', () =>
    withPool({ size: 1 }, async (pool) => {
      const buffer = new ArrayBuffer(1024);
      expect(await pool.run('byteLength', [buffer], { transfer: [buffer] })).toBe(1024);
      expect(buffer.byteLength).toBe(0);
    }));

  it('close() drains by default, cancelPending drops the queue, wait: false cancels all; run rejects after', async () => {
    const draining = new WorkerPool({ filename, size: 1 });
    const work = [draining.run('later', [1, 20]), draining.run('add', [1, 1])];
    await draining.close();
    expect(await Promise.all(work)).toEqual([1, 2]);
    await expect(draining.run('add', [1, 1])).rejects.toBeInstanceOf(PoolClosedError);
    expect(draining.stats.workers).toBe(0);

    const cancelling = new WorkerPool({ filename, size: 1 });
    const running = cancelling.run('later', [1, 20]);
    const queued = expect(cancelling.run('add', [1, 1])).rejects.toBeInstanceOf(CancelledError);
    await cancelling.close({ cancelPending: true });
    expect(await running).toBe(1);
    await queued;

    const twice = new WorkerPool({ filename, size: 1 });
    const slow = twice.run('later', [1, 20]);
    const first = twice.close();
    expect(twice.close()).toBe(first);
    await first;
    expect(await slow).toBe(1);

    const now = new WorkerPool({ filename, size: 1 });
    const spinning = expect(now.run('spin', [5_000])).rejects.toThrow(/closed while this task ran/);
    await now.close({ wait: false });
    await spinning;
    expect(now.stats.workers).toBe(0);
  });

  it('runs a TypeScript task module (tsx on Node 20, type stripping where Node has it)', () =>
    withPool({ filename: new URL('./test-fixtures/typed-tasks.ts', import.meta.url) }, async (pool) => {
      expect(await pool.run('double', [21])).toBe(42);
    }));

  it('validates its options', () => {
    expect(() => new WorkerPool({ filename: 'relative/tasks.mjs' })).toThrow(TypeError);
    expect(() => new WorkerPool({ filename, size: 0 })).toThrow(RangeError);
  });
});
