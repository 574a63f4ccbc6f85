import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NotAcquiredError } from '../errors.js';
import { WorkerPool } from '../pool/worker-pool.js';
import { AtomicCounter } from './atomic-counter.js';
import { Mutex } from './mutex.js';

describe('Mutex', () => {
  it('tryLock, lock, unlock and withLock', () => {
    const mutex = new Mutex();
    expect(mutex.tryLock()).toBe(true);
    expect(mutex.tryLock()).toBe(false);
    expect(new Mutex(mutex.buffer).locked).toBe(true);
    mutex.unlock();
    expect(() => mutex.unlock()).toThrow(NotAcquiredError);
    expect(mutex.withLock(() => 42)).toBe(42);
    expect(() => mutex.withLock(() => { throw new Error('x'); })).toThrow('x');
    expect(mutex.locked).toBe(false);
    expect(() => new Mutex(new ArrayBuffer(4) as unknown as SharedArrayBuffer)).toThrow(TypeError);
    expect(() => new Mutex(new SharedArrayBuffer(4), 2)).toThrow(RangeError);
  });

  it('lockAsync waits for unlock without blocking the event loop', async () => {
    const mutex = new Mutex();
    mutex.lock();
    let got = false;
    const waiting = mutex.lockAsync().then(() => (got = true));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(got).toBe(false);
    mutex.unlock();
    await waiting;
    expect(mutex.locked).toBe(true);
    mutex.unlock();
  });
});

describe('AtomicCounter', () => {
  it('adds, increments, decrements and exchanges', () => {
    const counter = new AtomicCounter();
    expect(counter.increment()).toBe(1);
    expect(counter.add(5)).toBe(6);
    expect(counter.decrement()).toBe(5);
    expect(counter.exchange(0)).toBe(5);
    expect(new AtomicCounter(counter.buffer).value).toBe(0);
  });
});

const built = existsSync(new URL('../../dist/index.js', import.meta.url));

describe.skipIf(!built)('across worker threads (uses the built dist/)', () => {
  it('AtomicCounter and Mutex lose no increments', async () => {
    const pool = new WorkerPool({ filename: new URL('./test-fixtures/race.mjs', import.meta.url), size: 4 });
    try {
      const times = 20_000;
      const counter = new AtomicCounter();
      await Promise.all(Array.from({ length: 4 }, () => pool.run('atomicIncrement', [counter.buffer, times])));
      expect(counter.value).toBe(4 * times);
      const mutex = new Mutex();
      const plain = new SharedArrayBuffer(4);
      await Promise.all(Array.from({ length: 4 }, () => pool.run('lockedIncrement', [mutex.buffer, plain, times])));
      expect(new Int32Array(plain)[0]).toBe(4 * times);
    } finally {
      await pool.close();
    }
  });
});
