// Reliability of Lock, Semaphore, Event and Condition under random aborts: the exclusion holds,
// and the waiting count returns to 0.
import { describe, expect, it } from 'vitest';
import { Chaos } from '../test-support/chaos.js';
import { Condition } from './condition.js';
import { Event } from './event.js';
import { Lock } from './lock.js';
import { Semaphore } from './semaphore.js';

const TASKS = 3_000;

describe('primitives under random aborts', () => {
  it('Lock: one holder at a time, every waiter either gets in or leaves', async () => {
    const chaos = new Chaos(11);
    const lock = new Lock();
    let inside = 0;
    let most = 0;
    let entered = 0;
    let aborted = 0;
    await Promise.all(
      Array.from({ length: TASKS }, async () => {
        await chaos.pause();
        try {
          await lock.acquire({ signal: chaos.signal(0.4) });
        } catch {
          aborted++;
          return;
        }
        inside++;
        most = Math.max(most, inside);
        entered++;
        await chaos.pause();
        inside--;
        lock.release();
      }),
    );
    expect(most).toBe(1);
    expect(entered + aborted).toBe(TASKS);
    expect(lock.locked()).toBe(false);
    expect(lock.waiting).toBe(0);
  });

  it('Semaphore: never more holders than permits, all permits back at the end', async () => {
    const chaos = new Chaos(12);
    const semaphore = new Semaphore(5);
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: TASKS }, async () => {
        await chaos.pause();
        try {
          await semaphore.acquire({ signal: chaos.signal(0.4) });
        } catch {
          return;
        }
        inside++;
        most = Math.max(most, inside);
        await chaos.pause();
        inside--;
        semaphore.release();
      }),
    );
    expect(most).toBeLessThanOrEqual(5);
    expect(semaphore.value).toBe(5);
    expect(semaphore.waiting).toBe(0);
  });

  it('Event and Condition: aborted waiters are removed, the others are woken', async () => {
    const chaos = new Chaos(13);
    const event = new Event();
    const cond = new Condition();
    let ready = false;
    const eventWaits = Array.from({ length: TASKS }, () => event.wait({ signal: chaos.signal(0.5) }).catch(() => undefined));
    const condWaits = Array.from({ length: 500 }, async () => {
      await cond.acquire();
      try {
        await cond.waitFor(() => ready, { signal: chaos.signal(0.5) });
      } catch {
        // aborted: the lock is held again all the same
      } finally {
        cond.release();
      }
    });
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    event.set();
    await cond.acquire();
    ready = true;
    cond.notifyAll();
    cond.release();
    await Promise.all([...eventWaits, ...condWaits]);
    expect(event.waiting).toBe(0);
    expect(cond.waiting).toBe(0);
    expect(cond.locked()).toBe(false);
  });
});
