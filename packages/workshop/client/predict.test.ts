import { expect, test } from 'vitest';
import { comparePrediction } from './predict.js';

test('a prediction matches line by line, ignoring blank lines and spaces at the ends', () => {
  expect(comparePrediction(' sync\n\nnextTick \n', 'sync\nnextTick\n').same).toBe(true);
});

test('a wrong order marks the lines that differ, and missing lines show empty', () => {
  const { same, rows } = comparePrediction('timeout\nimmediate', 'nextTick\ntimeout\nimmediate\n');
  expect(same).toBe(false);
  expect(rows).toEqual([
    { expected: 'timeout', actual: 'nextTick', same: false },
    { expected: 'immediate', actual: 'timeout', same: false },
    { actual: 'immediate', same: false },
  ]);
});
