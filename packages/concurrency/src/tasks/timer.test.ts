import { describe, expect, it } from 'vitest';
import { Timer } from './timer.js';

describe('Timer', () => {
  it('fires once after its delay', async () => {
    let calls = 0;
    const timer = new Timer(5, () => calls++).start();
    expect(timer.state).toBe('waiting');
    expect(await timer.finished).toBe(true);
    expect(calls).toBe(1);
    expect(timer.cancel()).toBe(false);
    expect(() => timer.start()).toThrow(RangeError);
  });

  it('cancel works only before it fires', async () => {
    let calls = 0;
    const timer = new Timer(5, () => calls++).start();
    expect(timer.cancel()).toBe(true);
    expect(await timer.finished).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 15));
    expect(calls).toBe(0);
    expect(timer.state).toBe('cancelled');
  });

  it('unref lets the process exit; bad delays are refused', async () => {
    const timer = new Timer(1, () => undefined, { unref: true }).start();
    expect(await timer.finished).toBe(true);
    expect(() => new Timer(-1, () => undefined)).toThrow(RangeError);
  });
});
