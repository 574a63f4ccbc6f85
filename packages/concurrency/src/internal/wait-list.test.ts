import { describe, expect, it } from 'vitest';
import { WaitList } from './wait-list.js';

describe('WaitList', () => {
  it('hands waiters out oldest first, with their payloads', async () => {
    const list = new WaitList<string, number>();
    const a = list.park('a');
    const b = list.park('b');
    expect(list.size).toBe(2);
    const first = list.shift()!;
    expect(first.payload).toBe('a');
    first.resolve(1);
    list.shift()!.resolve(2);
    expect(await Promise.all([a, b])).toEqual([1, 2]);
    expect(list.shift()).toBeUndefined();
    expect(list.size).toBe(0);
  });

  it('removes an aborted waiter from the middle and rejects it with the reason', async () => {
    const list = new WaitList<number>();
    const controller = new AbortController();
    const a = list.park(1);
    const b = list.park(2, controller.signal);
    const c = list.park(3);
    controller.abort(new Error('stop'));
    await expect(b).rejects.toThrow('stop');
    expect(list.size).toBe(2);
    const rest = [list.shift()!, list.shift()!];
    expect(rest.map((w) => w.payload)).toEqual([1, 3]);
    rest.forEach((w) => w.resolve());
    await Promise.all([a, c]);
  });

  it('rejects at once, without parking, when the signal is already aborted', async () => {
    const list = new WaitList();
    await expect(list.park(undefined, AbortSignal.abort(new Error('late')))).rejects.toThrow('late');
    expect(list.size).toBe(0);
  });

  it('a waiter that was handed its value keeps it when its signal aborts afterwards', async () => {
    const list = new WaitList<void, string>();
    const controller = new AbortController();
    const waiting = list.park(undefined, controller.signal);
    list.shift()!.resolve('mine');
    controller.abort();
    await expect(waiting).resolves.toBe('mine');
  });

  it('runs onAbort after unlinking, and rejectAll/resolveAll empty the list', async () => {
    const list = new WaitList();
    const controller = new AbortController();
    const sizes: number[] = [];
    const p = list.park(undefined, controller.signal, () => sizes.push(list.size));
    controller.abort();
    await expect(p).rejects.toBeDefined();
    expect(sizes).toEqual([0]);
    const x = list.park();
    const y = list.park();
    list.rejectAll(() => new Error('all'));
    await expect(x).rejects.toThrow('all');
    await expect(y).rejects.toThrow('all');
    const z = list.park();
    list.resolveAll();
    await z;
    expect(list.size).toBe(0);
  });
});
