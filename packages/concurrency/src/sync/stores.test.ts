import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HeapStore, StackStore, naturalOrder } from './stores.js';

describe('HeapStore', () => {
  it('returns the smallest first and equal priorities in insertion order (model: a stable sort)', () => {
    const command = fc.oneof(
      fc.record({ op: fc.constant('push' as const), priority: fc.integer({ min: 0, max: 5 }) }),
      fc.record({ op: fc.constant('shift' as const) }),
    );
    fc.assert(
      fc.property(fc.array(command, { maxLength: 200 }), (commands) => {
        const heap = new HeapStore<{ priority: number; id: number }>((a, b) => a.priority - b.priority);
        const model: { priority: number; id: number }[] = [];
        let id = 0;
        for (const c of commands) {
          if (c.op === 'push') {
            const item = { priority: c.priority, id: id++ };
            heap.push(item);
            model.push(item);
            model.sort((a, b) => a.priority - b.priority || a.id - b.id);
          } else if (model.length > 0) {
            expect(heap.shift()).toBe(model.shift());
          }
          expect(heap.size).toBe(model.length);
        }
      }),
    );
  });

  it('orders numbers and strings naturally by default', () => {
    const heap = new HeapStore<string>(naturalOrder);
    for (const s of ['pear', 'apple', 'fig']) heap.push(s);
    expect([heap.shift(), heap.shift(), heap.shift()]).toEqual(['apple', 'fig', 'pear']);
    heap.push('x');
    heap.clear();
    expect(heap.size).toBe(0);
  });
});

describe('StackStore', () => {
  it('returns the last item first', () => {
    const stack = new StackStore<number>();
    [1, 2, 3].forEach((n) => stack.push(n));
    expect([stack.shift(), stack.shift()]).toEqual([3, 2]);
    stack.clear();
    expect(stack.size).toBe(0);
  });
});
