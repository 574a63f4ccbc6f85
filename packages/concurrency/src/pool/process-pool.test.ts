import { describe, expect, it } from 'vitest';
import { PoolClosedError, WorkerCrashedError } from '../errors.js';
import { defaultChunkSize } from './chunks.js';
import { ProcessPool } from './process-pool.js';

const filename = new URL('./test-fixtures/tasks.mjs', import.meta.url);

describe('ProcessPool', () => {
  it('map, starmap, imap, imapUnordered and apply', async () => {
    const pool = new ProcessPool({ filename, size: 2 });
    try {
      expect(await pool.map('echo', [1, 2, 3, 4, 5])).toEqual([1, 2, 3, 4, 5]);
      expect(await pool.starmap('add', [[1, 2], [3, 4]], { chunkSize: 1 })).toEqual([3, 7]);
      expect(await pool.apply('add', [20, 22])).toBe(42);
      const inOrder: unknown[] = [];
      for await (const v of pool.imap('echo', ['a', 'b', 'c'])) inOrder.push(v);
      expect(inOrder).toEqual(['a', 'b', 'c']);
      const seen: unknown[] = [];
      for await (const v of pool.imapUnordered('echo', [1, 2, 3])) seen.push(v);
      expect(seen.sort()).toEqual([1, 2, 3]);
      expect(pool.stats.workers).toBe(2);
      await expect(pool.apply('fail', ['bad'])).rejects.toMatchObject({ name: 'RangeError', message: 'bad', code: 'E_TASK' });
    } finally {
      await pool.close();
    }
    await expect(pool.apply('add', [1, 1])).rejects.toBeInstanceOf(PoolClosedError);
    expect(pool.stats.workers).toBe(0);
  });

  it("chunkSize defaults like Python's", () => {
    expect(defaultChunkSize(100_000, 2)).toBe(12_500);
    expect(defaultChunkSize(10, 4)).toBe(1);
    expect(defaultChunkSize(17, 2)).toBe(3);
    expect(defaultChunkSize(0, 2)).toBe(1);
  });

  it('a crashed child rejects its chunk, saying so, and is replaced', async () => {
    const pool = new ProcessPool({ filename, size: 1 });
    try {
      const crashed = await pool.apply('crash', [3]).catch((e: unknown) => e);
      expect(crashed).toBeInstanceOf(WorkerCrashedError);
      expect((crashed as Error).message).toMatch(/child process .* exited \(code 3\)/);
      expect(await pool.map('echo', [1, 2])).toEqual([1, 2]);
      const killed = (await pool.apply('killSelf', ['SIGKILL']).catch((e: unknown) => e)) as WorkerCrashedError;
      expect(killed.message).toMatch(/child process .* was killed by SIGKILL/);
      expect([killed.exitCode, killed.signal]).toEqual([null, 'SIGKILL']);
      expect(await pool.apply('echo', [3])).toBe(3);
    } finally {
      await pool.close();
    }
  });

  it('runs a TypeScript task module with execArgv --import tsx', async () => {
    const pool = new ProcessPool({ filename: new URL('./test-fixtures/typed-tasks.ts', import.meta.url), size: 1, execArgv: ['--import', 'tsx'] });
    try {
      expect(await pool.map('double', [1, 2])).toEqual([2, 4]);
    } finally {
      await pool.close();
    }
  });

  it('maxTasksPerChild replaces children', async () => {
    const pool = new ProcessPool({ filename, size: 1, maxTasksPerChild: 2 });
    try {
      const pids: number[] = [];
      for (let i = 0; i < 4; i++) pids.push(await pool.apply<number>('pid'));
      expect(pids[0]).toBe(pids[1]);
      expect(pids[1]).not.toBe(pids[2]);
      expect(pids[2]).toBe(pids[3]);
    } finally {
      await pool.close();
    }
  });
});
