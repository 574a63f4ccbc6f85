import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Fifo } from './fifo.js';

describe('Fifo', () => {
  it('behaves like an array used as a queue (model-based)', () => {
    const command = fc.oneof(
      fc.record({ op: fc.constant('push' as const), value: fc.integer() }),
      fc.record({ op: fc.constant('shift' as const) }),
      fc.record({ op: fc.constant('clear' as const) }),
    );
    fc.assert(
      fc.property(fc.array(command, { maxLength: 300 }), (commands) => {
        const fifo = new Fifo<number>();
        const model: number[] = [];
        for (const c of commands) {
          if (c.op === 'push') {
            fifo.push(c.value);
            model.push(c.value);
          } else if (c.op === 'shift') {
            if (model.length > 0) expect(fifo.shift()).toBe(model.shift());
          } else {
            fifo.clear();
            model.length = 0;
          }
          expect(fifo.size).toBe(model.length);
        }
      }),
    );
  });

  it('grows past its first capacity keeping the order across the wrap-around', () => {
    const fifo = new Fifo<number>();
    for (let i = 0; i < 10; i++) fifo.push(i);
    for (let i = 0; i < 8; i++) fifo.shift();
    for (let i = 10; i < 40; i++) fifo.push(i);
    const out: number[] = [];
    while (fifo.size > 0) out.push(fifo.shift());
    expect(out).toEqual(Array.from({ length: 32 }, (_, i) => i + 8));
  });
});
