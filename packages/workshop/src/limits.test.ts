import type { Output } from '@scalable-ts/notebook';
import { expect, test } from 'vitest';
import { boundOutputs, DEFAULT_LIMITS, resolveLimits } from './limits.js';

const stdout = (text: string): Output => ({ output_type: 'stream', name: 'stdout', text });
const html = (text: string): Output => ({ output_type: 'display_data', data: { 'text/html': text }, metadata: {} });

test('outputs within the bound are kept as they are', () => {
  const outputs = [stdout('abc\n'), html('<b>x</b>')];
  expect(boundOutputs(outputs, 1000)).toEqual(outputs);
});

test('past the bound the latest output is kept: a stream its tail, earlier outputs dropped and counted', () => {
  expect(boundOutputs([stdout('x'.repeat(10))], 4)).toEqual([stdout('[… 6 characters not shown]\nxxxx')]);
  expect(boundOutputs([stdout('aaaa'), stdout('bbbbbbbb')], 4)).toEqual([stdout('[… 8 characters not shown]\nbbbb')]);
});

test('a rich output past the bound becomes a line saying so', () => {
  const [note] = boundOutputs([html('y'.repeat(100))], 10);
  expect(note).toMatchObject({ output_type: 'stream', name: 'stderr', text: expect.stringMatching(/^\[… \d+ characters of output not shown: a cell keeps at most 10\]\n$/) });
});

test('bounds must be positive integers, named when not', () => {
  expect(resolveLimits()).toEqual(DEFAULT_LIMITS);
  expect(resolveLimits({ queuedRuns: 5 })).toMatchObject({ queuedRuns: 5, frameBytes: DEFAULT_LIMITS.frameBytes });
  expect(() => resolveLimits({ frameBytes: 0 })).toThrow('limits.frameBytes must be a positive integer, got 0');
  expect(() => resolveLimits({ outputChars: Number.NaN })).toThrow(TypeError);
});
