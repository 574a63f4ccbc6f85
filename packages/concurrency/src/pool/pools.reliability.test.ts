// Reliability: 10,000 tasks of which a random few throw, crash their worker, or are aborted
// (queued or running). Every task must settle exactly once with the right outcome, the pool must
// end with its full size of live workers, and close() must leave no worker or child behind.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Chaos } from '../test-support/chaos.js';
import { WorkerCrashedError } from '../errors.js';
import type { PoolStats } from './scheduler.js';
import { ProcessPool } from './process-pool.js';
import { WorkerPool } from './worker-pool.js';

const filename = new URL('./test-fixtures/tasks.mjs', import.meta.url);
const TASKS = 10_000;
const SIZE = 4;

interface Pool {
  submit(name: string, args: unknown[], signal: AbortSignal): Promise<unknown>;
  readonly stats: PoolStats;
  close(): Promise<void>;
}

type Plan = 'ok' | 'throw' | 'crash' | 'abort-queued' | 'abort-running';

function plan(chaos: Chaos): Plan {
  const roll = chaos.random();
  if (roll < 0.002) return 'throw';
  if (roll < 0.003) return 'crash';
  if (roll < 0.004) return 'abort-queued';
  if (roll < 0.005) return 'abort-running';
  return 'ok';
}

function childNodeProcesses(): number {
  if (process.platform !== 'linux') return 0;
  const out = execFileSync('ps', ['-o', 'comm=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.trim() === 'node').length;
}

async function hammer(pool: Pool, seed: number): Promise<void> {
  const chaos = new Chaos(seed);
  const settles = new Array<number>(TASKS).fill(0);
  const plans: Plan[] = [];
  const outcomes = Array.from({ length: TASKS }, (_, i) => {
    const kind = plan(chaos);
    plans.push(kind);
    const controller = new AbortController();
    const reason = new Error(`abort ${i}`);
    const args: Record<Plan, [string, unknown[]]> = {
      ok: ['add', [i, 1]],
      throw: ['fail', [`task ${i}`]],
      crash: ['crash', [9]],
      'abort-queued': ['add', [i, 1]],
      'abort-running': ['later', [i, 10_000]],
    };
    const [name, list] = args[kind];
    const promise = pool.submit(name, list, controller.signal).then(
      (value) => (settles[i]!++, { ok: true as const, value }),
      (error: unknown) => (settles[i]!++, { ok: false as const, error }),
    );
    if (kind === 'abort-queued') controller.abort(reason);
    if (kind === 'abort-running') setTimeout(() => controller.abort(reason), 20 + chaos.int(30));
    return { promise, reason };
  });
  const results = await Promise.all(outcomes.map((o) => o.promise));
  results.forEach((result, i) => {
    const kind = plans[i]!;
    if (kind === 'ok') expect(result).toEqual({ ok: true, value: i + 1 });
    else if (kind === 'throw') expect(result).toMatchObject({ ok: false, error: { name: 'RangeError', message: `task ${i}` } });
    else if (kind === 'crash') expect(result).toMatchObject({ ok: false, error: expect.any(WorkerCrashedError) });
    else expect(result).toEqual({ ok: false, error: outcomes[i]!.reason });
  });
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(settles.every((n) => n === 1)).toBe(true);
  const stats = pool.stats;
  expect(stats.completed + stats.failed + stats.cancelled).toBe(TASKS);
  expect(stats.workers).toBe(SIZE);
  expect(stats.busy).toBe(0);
  expect(stats.queued).toBe(0);
  expect(plans.filter((p) => p !== 'ok').length).toBeGreaterThan(10);
  await pool.close();
  expect(pool.stats.workers).toBe(0);
  expect(childNodeProcesses()).toBe(0);
}

describe('pool reliability', () => {
  it('WorkerPool: 10,000 tasks with random throws, crashes and aborts', async () => {
    const pool = new WorkerPool({ filename, size: SIZE });
    await hammer({ submit: (name, args, signal) => pool.run(name, args, { signal }), get stats() { return pool.stats; }, close: () => pool.close() }, 1);
  }, 30_000);

  it('ProcessPool: 10,000 tasks with random throws, crashes and aborts', async () => {
    const pool = new ProcessPool({ filename, size: SIZE });
    await hammer({ submit: (name, args, signal) => pool.apply(name, args, { signal }), get stats() { return pool.stats; }, close: () => pool.close() }, 2);
  }, 30_000);
});
