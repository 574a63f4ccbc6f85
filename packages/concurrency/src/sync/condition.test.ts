import { describe, expect, it } from 'vitest';
import { NotAcquiredError } from '../errors.js';
import { tick } from '../test-support/probes.js';
import { Condition } from './condition.js';
import { Lock } from './lock.js';

describe('Condition', () => {
  it('waitFor sleeps until a notify makes the predicate true, holding the lock when it returns', async () => {
    const cond = new Condition();
    const items: number[] = [];
    const consumer = (async () => {
      await cond.acquire();
      try {
        await cond.waitFor(() => items.length > 0);
        expect(cond.locked()).toBe(true);
        return items.shift();
      } finally {
        cond.release();
      }
    })();
    await tick();
    expect(cond.waiting).toBe(1);
    await cond.acquire();
    items.push(42);
    cond.notify();
    cond.release();
    expect(await consumer).toBe(42);
  });

  it('notify(n) wakes the n oldest waiters; notifyAll wakes the rest', async () => {
    const cond = new Condition(new Lock());
    const woken: number[] = [];
    const waiters = [0, 1, 2, 3].map(async (n) => {
      await cond.acquire();
      await cond.wait();
      woken.push(n);
      cond.release();
    });
    await tick();
    await cond.acquire();
    cond.notify(2);
    cond.release();
    await tick();
    expect(woken).toEqual([0, 1]);
    await cond.acquire();
    cond.notifyAll();
    cond.release();
    await Promise.all(waiters);
    expect(woken).toEqual([0, 1, 2, 3]);
  });

  it('wait and notify without the lock throw NotAcquiredError (Python: RuntimeError)', async () => {
    const cond = new Condition();
    await expect(cond.wait()).rejects.toThrow(NotAcquiredError);
    expect(() => cond.notify()).toThrow(NotAcquiredError);
    expect(() => cond.notifyAll()).toThrow(NotAcquiredError);
  });

  it('an aborted wait takes the lock back before it rejects', async () => {
    const cond = new Condition();
    await cond.acquire();
    const controller = new AbortController();
    const waiting = cond.wait({ signal: controller.signal });
    await tick();
    expect(cond.locked()).toBe(false);
    await cond.acquire(); // somebody else holds the lock when the abort comes
    controller.abort(new Error('stop waiting'));
    let settled = false;
    const outcome = waiting.catch((error: Error) => {
      settled = true;
      return error.message;
    });
    await tick();
    expect(settled).toBe(false); // still needs the lock back
    cond.release();
    expect(await outcome).toBe('stop waiting');
    expect(cond.locked()).toBe(true); // held by the aborted waiter, as asyncio does
    cond.release();
    expect(cond.waiting).toBe(0);
  });
});
