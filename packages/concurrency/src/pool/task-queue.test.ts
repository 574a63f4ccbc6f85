import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FifoTaskQueue } from './task-queue.js';

describe('FifoTaskQueue', () => {
  it('behaves like an array with push, shift and remove (model-based)', () => {
    type Op = { op: 'push' } | { op: 'shift' } | { op: 'remove'; at: number };
    const op = fc.oneof(
      fc.constant<Op>({ op: 'push' }),
      fc.constant<Op>({ op: 'shift' }),
      fc.nat(40).map((at): Op => ({ op: 'remove', at })),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const queue = new FifoTaskQueue<{ n: number }>();
        const model: { n: number }[] = [];
        const made: { n: number }[] = [];
        for (const step of ops) {
          if (step.op === 'push') {
            const task = { n: made.length };
            made.push(task);
            queue.push(task);
            model.push(task);
          } else if (step.op === 'shift') {
            expect(queue.shift()).toBe(model.shift());
          } else {
            const task = made[step.at];
            if (task === undefined) continue;
            const at = model.indexOf(task);
            expect(queue.remove(task)).toBe(at >= 0);
            if (at >= 0) model.splice(at, 1);
          }
          expect(queue.size).toBe(model.length);
        }
      }),
    );
  });
});
