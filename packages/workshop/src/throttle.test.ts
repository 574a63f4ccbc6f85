import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { throttle } from './throttle.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

test('calls at once, then once per interval with the latest arguments', () => {
  const calls: number[] = [];
  const throttled = throttle((n: number) => calls.push(n), 50);
  throttled(1);
  throttled(2);
  throttled(3);
  expect(calls).toEqual([1]);
  vi.advanceTimersByTime(50);
  expect(calls).toEqual([1, 3]);
  vi.advanceTimersByTime(100);
  throttled(4);
  expect(calls).toEqual([1, 3, 4]);
});

test('cancel drops the trailing call', () => {
  const calls: number[] = [];
  const throttled = throttle((n: number) => calls.push(n), 50);
  throttled(1);
  throttled(2);
  throttled.cancel();
  vi.advanceTimersByTime(100);
  expect(calls).toEqual([1]);
});
