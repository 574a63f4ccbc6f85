import { describe, expect, it } from 'vitest';
import { NotAcquiredError } from '../errors.js';
import { tick } from '../test-support/probes.js';
import { Lock } from './lock.js';

describe('Lock', () => {
  it('lets one holder in at a time, the waiters in arrival order', async () => {
    const lock = new Lock();
    const order: string[] = [];
    const worker = async (name: string) => {
      await lock.acquire();
      try {
        order.push(`${name} in`);
        await tick();
        order.push(`${name} out`);
      } finally {
        lock.release();
      }
    };
    await Promise.all([worker('a'), worker('b'), worker('c')]);
    expect(order).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out']);
    expect(lock.locked()).toBe(false);
  });

  it('hands the lock over on release, so a newcomer cannot barge in', async () => {
    const lock = new Lock();
    await lock.acquire();
    const waiter = lock.acquire().then(() => 'waiter');
    lock.release();
    expect(lock.locked()).toBe(true); // now the waiter's
    const newcomer = lock.acquire().then(() => 'newcomer');
    expect(await waiter).toBe('waiter');
    lock.release();
    expect(await newcomer).toBe('newcomer');
    lock.release();
  });

  it('throws NotAcquiredError when released unlocked (Python: RuntimeError)', () => {
    expect(() => new Lock().release()).toThrow(NotAcquiredError);
  });

  it('an aborted acquire leaves the queue; the next waiter gets the lock', async () => {
    const lock = new Lock();
    await lock.acquire();
    const controller = new AbortController();
    const aborted = lock.acquire({ signal: controller.signal });
    const next = lock.acquire();
    expect(lock.waiting).toBe(2);
    controller.abort();
    await expect(aborted).rejects.toThrow();
    expect(lock.waiting).toBe(1);
    lock.release();
    await next;
    lock.release();
    expect(lock.locked()).toBe(false);
    await expect(lock.acquire({ signal: AbortSignal.abort() })).rejects.toThrow();
    expect(lock.locked()).toBe(false);
  });
});
