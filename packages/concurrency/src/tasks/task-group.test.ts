import { describe, expect, it } from 'vitest';
import { CancelledError, TaskGroupClosedError } from '../errors.js';
import { sleep } from './sleep.js';
import { TaskGroup } from './task-group.js';

describe('TaskGroup', () => {
  it('run() resolves with the body’s value once every child has finished', async () => {
    const finished: string[] = [];
    const value = await TaskGroup.run(async (group) => {
      group.spawn(async () => {
        await sleep(20);
        finished.push('slow child');
      });
      const quick = group.spawn(async () => 'quick');
      return `body saw ${await quick}`;
    });
    expect(value).toBe('body saw quick');
    expect(finished).toEqual(['slow child']); // run() waited for it
  });

  it('the first failure aborts the siblings; join rejects with an AggregateError of the real failures', async () => {
    const group = new TaskGroup();
    const reasons: unknown[] = [];
    group.spawn(async (signal) => {
      try {
        await sleep(60_000, { signal });
      } catch (error) {
        reasons.push(error);
        throw error; // a cancellation: not reported as a failure
      }
    });
    group.spawn(async () => {
      await sleep(5);
      throw new Error('first failure');
    });
    group.spawn(async (signal) => {
      await sleep(60_000, { signal }).catch(() => undefined);
      throw new Error('cleanup failed too'); // a real failure after the abort: reported
    });
    const error = await group.join().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AggregateError);
    expect((error as AggregateError).errors.map((e: Error) => e.message)).toEqual(['first failure', 'cleanup failed too']);
    expect(reasons[0]).toBeInstanceOf(CancelledError);
    expect((reasons[0] as CancelledError).cause).toBeInstanceOf(Error);
    expect(group.running).toBe(0);
  });

  it('waits for children spawned by children, and closes after it settles', async () => {
    const group = new TaskGroup();
    let grandchildDone = false;
    group.spawn(async () => {
      await sleep(1);
      group.spawn(async () => {
        await sleep(20);
        grandchildDone = true;
      });
    });
    await group.join();
    expect(grandchildDone).toBe(true);
    expect(() => group.spawn(async () => 1)).toThrow(TaskGroupClosedError);
  });

  it('the parent signal (or abort()) cancels every child; join rejects with the reason', async () => {
    const controller = new AbortController();
    const group = new TaskGroup({ signal: controller.signal });
    group.spawn((signal) => sleep(60_000, { signal }));
    controller.abort(new Error('shutting down'));
    await expect(group.join()).rejects.toThrow('shutting down');

    const manual = new TaskGroup();
    manual.spawn((signal) => sleep(60_000, { signal }));
    manual.abort();
    await expect(manual.join()).rejects.toBeInstanceOf(CancelledError);
  });

  it('a spawn after cancellation does not start the child', async () => {
    const group = new TaskGroup();
    group.abort(new Error('gone'));
    let started = false;
    await expect(group.spawn(async () => (started = true))).rejects.toThrow('gone');
    expect(started).toBe(false);
    await expect(group.join()).rejects.toThrow('gone');
  });

  it('a body that throws counts as a failure and cancels the children', async () => {
    let childAborted = false;
    const run = TaskGroup.run(async (group) => {
      group.spawn(async (signal) => {
        await sleep(60_000, { signal }).catch(() => (childAborted = true));
      });
      throw new Error('body failed');
    });
    const error = (await run.catch((e: unknown) => e)) as AggregateError;
    expect(error.errors.map((e: Error) => e.message)).toEqual(['body failed']);
    expect(childAborted).toBe(true);
  });
});
