// Reliability: thousands of producers and consumers with random aborts. No item is lost or
// duplicated, and every aborted waiter is removed (the waiting count returns to 0).
import { describe, expect, it } from 'vitest';
import { QueueShutDown } from '../errors.js';
import { Chaos } from '../test-support/chaos.js';
import { LifoQueue, PriorityQueue, Queue } from './queue.js';

// `workers` producers and as many consumers; each producer puts ITEMS_EACH items.
const ITEMS_EACH = 3;

async function stress(seed: number, make: (maxsize: number) => Queue<number>, workers = 2_000): Promise<void> {
  const chaos = new Chaos(seed);
  const odd: unknown[] = [];
  const q = make(1 + chaos.int(8));
  const accepted = new Set<number>();
  const refused = new Set<number>();
  const got: number[] = [];

  const producer = async (p: number): Promise<void> => {
    for (let k = 0; k < ITEMS_EACH; k++) {
      const item = p * ITEMS_EACH + k;
      await chaos.pause();
      try {
        await q.put(item, { signal: chaos.signal(0.3) });
        accepted.add(item);
      } catch (error) {
        if ((error as Error).message !== 'random abort') odd.push(error);
        refused.add(item);
      }
    }
  };
  const consumer = async (): Promise<void> => {
    for (;;) {
      await chaos.pause();
      try {
        got.push(await q.get({ signal: chaos.signal(0.3) }));
      } catch (error) {
        if (error instanceof QueueShutDown) return;
        if ((error as Error).message !== 'random abort') odd.push(error);
      }
    }
  };

  const consumers = Array.from({ length: workers }, consumer);
  await Promise.all(Array.from({ length: workers }, (_, p) => producer(p)));
  q.shutdown(); // the consumers drain what is left, then stop
  await Promise.all(consumers);

  expect(odd).toEqual([]);
  expect(accepted.size + refused.size).toBe(workers * ITEMS_EACH);
  expect(got.length).toBe(accepted.size); // nothing lost, nothing duplicated…
  expect(new Set(got)).toEqual(accepted); // …and exactly the accepted items
  expect(q.qsize()).toBe(0);
  expect(q.waiting).toBe(0); // every aborted waiter was removed
}

describe('Queue under random aborts', () => {
  it.each([1, 2])('FIFO queue, 2,000 producers and 2,000 consumers, seed %i: no item lost or duplicated, no waiter leaked', (seed) =>
    stress(seed, (maxsize) => new Queue<number>({ maxsize })),
  );

  it('PriorityQueue and LifoQueue keep the same guarantees', async () => {
    await stress(4, (maxsize) => new PriorityQueue<number>({ maxsize }), 1_000);
    await stress(5, (maxsize) => new LifoQueue<number>({ maxsize }), 1_000);
  });

  it('join() waiters with random aborts are removed too', async () => {
    const chaos = new Chaos(6);
    const q = new Queue<number>();
    q.putNowait(1);
    const joins = Array.from({ length: 1_000 }, () => q.join({ signal: chaos.signal(0.5) }).catch(() => 'aborted'));
    await new Promise((resolve) => setImmediate(resolve));
    q.getNowait();
    q.taskDone();
    await Promise.all(joins);
    expect(q.waiting).toBe(0);
  });
});
