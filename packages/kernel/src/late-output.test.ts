import type { Output } from '@scalable-ts/notebook';
import { describe, expect, it } from 'vitest';
import type { LateOutput } from './kernel.js';
import { LateOutputRouter } from './late-output.js';

/** Stands in for a kernel's `onLateOutput`: `publish` plays the iopub side. */
function lateSource() {
  const listeners = new Set<(late: LateOutput) => void>();
  return {
    onLateOutput(listener: (late: LateOutput) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    publish(requestId: string, text: string) {
      const outputs: Output[] = [{ output_type: 'stream', name: 'stderr', text }];
      for (const listener of listeners) listener({ requestId, outputs });
    },
  };
}

describe('LateOutputRouter', () => {
  it('delivers late output to the cell that ran the request, and drops output of unknown requests', () => {
    const kernel = lateSource();
    const router = new LateOutputRouter<number>();
    const got: [number, string][] = [];
    const stop = router.follow(kernel, (cell, outputs) => got.push([cell, outputs[0]?.output_type === 'stream' ? String(outputs[0].text) : '']));
    router.remember('r1', 3);
    kernel.publish('r1', 'late\n');
    kernel.publish('nobody', 'lost\n');
    stop();
    kernel.publish('r1', 'after stop\n');
    expect(got).toEqual([[3, 'late\n']]);
  });

  it('keeps only the latest `limit` requests', () => {
    const router = new LateOutputRouter<string>(2);
    router.remember('a', 'cell a');
    router.remember('b', 'cell b');
    router.remember('c', 'cell c');
    expect(router.size).toBe(2);
    expect([router.cellOf('a'), router.cellOf('b'), router.cellOf('c')]).toEqual([undefined, 'cell b', 'cell c']);
  });

  it('rejects a limit that is not a positive integer, naming it', () => {
    expect(() => new LateOutputRouter(0)).toThrow(new RangeError('limit must be a positive integer or Infinity, got 0'));
    expect(() => new LateOutputRouter(1.5)).toThrow(RangeError);
  });
});
