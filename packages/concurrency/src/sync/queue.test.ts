import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QueueEmpty, QueueFull, QueueShutDown, TaskDoneError } from '../errors.js';
import { tick } from '../test-support/probes.js';
import { LifoQueue, PriorityQueue, Queue } from './queue.js';

describe('Queue', () => {
  it('putNowait/getNowait behave like a bounded FIFO array (model-based)', () => {
    const command = fc.oneof(
      fc.record({ op: fc.constant('put' as const), value: fc.integer() }),
      fc.record({ op: fc.constant('get' as const) }),
      fc.record({ op: fc.constant('done' as const) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.array(command, { maxLength: 100 }), (maxsize, commands) => {
        const q = new Queue<number>({ maxsize });
        const model: number[] = [];
        let unfinished = 0;
        for (const c of commands) {
          if (c.op === 'put') {
            if (maxsize > 0 && model.length >= maxsize) expect(() => q.putNowait(c.value)).toThrow(QueueFull);
            else {
              q.putNowait(c.value);
              model.push(c.value);
              unfinished++;
            }
          } else if (c.op === 'get') {
            if (model.length === 0) expect(() => q.getNowait()).toThrow(QueueEmpty);
            else expect(q.getNowait()).toBe(model.shift());
          } else if (unfinished === 0) {
            expect(() => q.taskDone()).toThrow(TaskDoneError);
          } else {
            q.taskDone();
            unfinished--;
          }
          expect(q.qsize()).toBe(model.length);
          expect(q.empty()).toBe(model.length === 0);
          expect(q.full()).toBe(maxsize > 0 && model.length >= maxsize);
        }
      }),
    );
  });

  it('get waits for a put, and waiting getters are served first come first served', async () => {
    const q = new Queue<string>();
    const got: string[] = [];
    const a = q.get().then((v) => got.push(`a:${v}`));
    const b = q.get().then((v) => got.push(`b:${v}`));
    expect(q.waiting).toBe(2);
    q.putNowait('x');
    await q.put('y');
    await Promise.all([a, b]);
    expect(got).toEqual(['a:x', 'b:y']);
    expect(q.waiting).toBe(0);
  });

  it('put waits while full; a get lets the oldest putter in, so nobody overtakes it', async () => {
    const q = new Queue<number>({ maxsize: 1 });
    await q.put(1);
    const order: number[] = [];
    const p2 = q.put(2).then(() => order.push(2));
    const p3 = q.put(3).then(() => order.push(3));
    expect(() => q.putNowait(4)).toThrow(QueueFull);
    expect(q.getNowait()).toBe(1);
    expect(q.qsize()).toBe(1); // 2 moved in at once
    expect(() => q.putNowait(5)).toThrow(QueueFull);
    expect(await q.get()).toBe(2);
    expect(await q.get()).toBe(3);
    await Promise.all([p2, p3]);
    expect(order).toEqual([2, 3]);
  });

  it('an aborted put adds nothing and an aborted get takes nothing', async () => {
    const q = new Queue<number>({ maxsize: 1 });
    q.putNowait(1);
    const controller = new AbortController();
    const put = q.put(2, { signal: controller.signal });
    controller.abort(new Error('changed my mind'));
    await expect(put).rejects.toThrow('changed my mind');
    expect(q.getNowait()).toBe(1);
    expect(q.empty()).toBe(true);
    const getter = new AbortController();
    const get = q.get({ signal: getter.signal });
    getter.abort();
    await expect(get).rejects.toThrow();
    q.putNowait(3);
    expect(q.getNowait()).toBe(3);
    expect(q.waiting).toBe(0);
    await expect(q.get({ signal: AbortSignal.abort() })).rejects.toThrow();
    await expect(q.put(1, { signal: AbortSignal.abort() })).rejects.toThrow();
  });

  it('join waits until taskDone has been called for every item', async () => {
    const q = new Queue<number>();
    await q.join();
    q.putNowait(1);
    q.putNowait(2);
    let joined = false;
    const join = q.join().then(() => (joined = true));
    q.getNowait();
    q.taskDone();
    await tick();
    expect(joined).toBe(false);
    q.getNowait();
    q.taskDone();
    await join;
    expect(joined).toBe(true);
    expect(() => q.taskDone()).toThrow(TaskDoneError);
  });

  it('shutdown: puts fail, gets drain what is left and then fail, waiters are woken with QueueShutDown', async () => {
    const q = new Queue<number>({ maxsize: 1 });
    q.putNowait(1);
    const blockedPut = q.put(2);
    q.shutdown();
    await expect(blockedPut).rejects.toThrow(QueueShutDown);
    await expect(q.put(3)).rejects.toThrow(QueueShutDown);
    expect(() => q.putNowait(3)).toThrow(QueueShutDown);
    expect(await q.get()).toBe(1);
    await expect(q.get()).rejects.toThrow(QueueShutDown);
    expect(() => q.getNowait()).toThrow(QueueShutDown);

    const idle = new Queue<number>();
    const waitingGet = idle.get();
    idle.shutdown();
    await expect(waitingGet).rejects.toBeInstanceOf(QueueShutDown);
    expect(idle.waiting).toBe(0);
  });

  it('shutdown(immediate) drops queued items and releases join', async () => {
    const q = new Queue<number>();
    q.putNowait(1);
    q.putNowait(2);
    const join = q.join();
    q.shutdown(true);
    await join;
    expect(q.qsize()).toBe(0);
    await expect(q.get()).rejects.toThrow(QueueShutDown);
  });

  it('checks maxsize', () => {
    expect(() => new Queue({ maxsize: -1 })).toThrow(RangeError);
    expect(() => new Queue({ maxsize: 1.5 })).toThrow(/`maxsize`/);
    expect(new Queue({ maxsize: Infinity }).maxsize).toBe(0);
  });
});

describe('PriorityQueue and LifoQueue', () => {
  it('PriorityQueue returns the smallest first, ties in order, and hands off to waiting getters', async () => {
    const q = new PriorityQueue<[number, string]>({ compare: (a, b) => a[0] - b[0] });
    const first = q.get();
    q.putNowait([5, 'late']);
    expect(await first).toEqual([5, 'late']);
    q.putNowait([2, 'b']);
    q.putNowait([1, 'a']);
    q.putNowait([2, 'c']);
    expect([q.getNowait(), q.getNowait(), q.getNowait()].map((e) => e[1])).toEqual(['a', 'b', 'c']);
    const numbers = new PriorityQueue<number>();
    [3, 1, 2].forEach((n) => numbers.putNowait(n));
    expect([numbers.getNowait(), numbers.getNowait(), numbers.getNowait()]).toEqual([1, 2, 3]);
    expect(numbers).toBeInstanceOf(Queue);
  });

  it('LifoQueue returns the newest first, also when a waiting putter moves in', async () => {
    const q = new LifoQueue<string>({ maxsize: 2 });
    q.putNowait('a');
    q.putNowait('b');
    const put = q.put('c');
    expect(await q.get()).toBe('b');
    await put;
    expect(await q.get()).toBe('c');
    expect(await q.get()).toBe('a');
  });
});
