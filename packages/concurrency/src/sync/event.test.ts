import { describe, expect, it } from 'vitest';
import { Event } from './event.js';

describe('Event', () => {
  it('wakes every waiter on set, resolves at once while set, waits again after clear', async () => {
    const event = new Event();
    const woken: number[] = [];
    const waiters = [1, 2, 3].map((n) => event.wait().then(() => woken.push(n)));
    expect(event.waiting).toBe(3);
    event.set();
    event.set();
    await Promise.all(waiters);
    expect(woken).toEqual([1, 2, 3]);
    await event.wait();
    expect(event.isSet()).toBe(true);
    event.clear();
    expect(event.isSet()).toBe(false);
    let later = false;
    const again = event.wait().then(() => (later = true));
    await Promise.resolve();
    expect(later).toBe(false);
    event.set();
    await again;
  });

  it('an aborted wait is removed', async () => {
    const event = new Event();
    const controller = new AbortController();
    const waiting = event.wait({ signal: controller.signal });
    controller.abort(new Error('bye'));
    await expect(waiting).rejects.toThrow('bye');
    expect(event.waiting).toBe(0);
    await expect(event.wait({ signal: AbortSignal.abort() })).rejects.toThrow();
  });
});
