import { describe, expect, it } from 'vitest';
import { TooManyReleasesError } from '../errors.js';
import { tick } from '../test-support/probes.js';
import { BoundedSemaphore, Semaphore } from './semaphore.js';

describe('Semaphore', () => {
  it('lets at most `value` holders in at once', async () => {
    const semaphore = new Semaphore(2);
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        await semaphore.acquire();
        inside++;
        most = Math.max(most, inside);
        await tick();
        inside--;
        semaphore.release();
      }),
    );
    expect(most).toBe(2);
    expect(semaphore.value).toBe(2);
  });

  it('serves waiters first come first served, handing each permit over', async () => {
    const semaphore = new Semaphore(0);
    expect(semaphore.locked()).toBe(true);
    const order: string[] = [];
    const a = semaphore.acquire().then(() => order.push('a'));
    const b = semaphore.acquire().then(() => order.push('b'));
    semaphore.release();
    expect(semaphore.value).toBe(0); // went to a, not to the counter
    semaphore.release();
    await Promise.all([a, b]);
    expect(order).toEqual(['a', 'b']);
  });

  it('rejects a negative start value (Python: ValueError)', () => {
    expect(() => new Semaphore(-1)).toThrow(RangeError);
    expect(() => new Semaphore(-1)).toThrow(/`value`/);
  });

  it('an aborted acquire leaves the queue without taking a permit', async () => {
    const semaphore = new Semaphore(0);
    const controller = new AbortController();
    const acquiring = semaphore.acquire({ signal: controller.signal });
    controller.abort();
    await expect(acquiring).rejects.toThrow();
    expect(semaphore.waiting).toBe(0);
    semaphore.release();
    expect(semaphore.value).toBe(1);
    await expect(semaphore.acquire({ signal: AbortSignal.abort() })).rejects.toThrow();
    expect(semaphore.value).toBe(1);
  });
});

describe('BoundedSemaphore', () => {
  it('throws when released above its start value (Python: ValueError)', async () => {
    const semaphore = new BoundedSemaphore(2);
    expect(() => semaphore.release()).toThrow(TooManyReleasesError);
    await semaphore.acquire();
    semaphore.release();
    expect(() => semaphore.release()).toThrow(/released too many times/);
    expect(semaphore.value).toBe(2);
  });
});
