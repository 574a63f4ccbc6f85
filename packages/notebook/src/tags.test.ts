import { describe, expect, it } from 'vitest';
import { cellPolicy, tagPolicy } from './tags.js';

describe('tagPolicy', () => {
  it('reads the nbval tags and their aliases', () => {
    expect(tagPolicy(['nbval-skip'])).toEqual({ skip: true, raises: false, ignoreOutput: false, predict: false });
    expect(tagPolicy(['skip-execution', 'raises-exception']).raises).toBe(true);
    expect(tagPolicy(['nbval-raises-exception', 'nbval-ignore-output'])).toMatchObject({ raises: true, ignoreOutput: true, skip: false });
    expect(tagPolicy(['hide-input', 'remove-output'])).toEqual({ skip: false, raises: false, ignoreOutput: false, predict: false });
  });

  it("names a cell's role in an exercise; the checks win over a stray starter tag", () => {
    expect(tagPolicy(['exercise']).exercise).toBe('starter');
    expect(tagPolicy(['exercise-check', 'exercise']).exercise).toBe('check');
    expect(tagPolicy(['solution', 'hide-input']).exercise).toBe('solution');
    expect(tagPolicy(['predict'])).toMatchObject({ predict: true });
    expect('exercise' in tagPolicy(['predict'])).toBe(false);
  });
});

describe('cellPolicy', () => {
  it('adds scalable_ts.node from the metadata, unvalidated, and ignores tags that are not strings', () => {
    expect(cellPolicy({ metadata: { tags: ['nbval-skip', 3] as unknown as string[], scalable_ts: { node: '>=26' } } })).toEqual({
      skip: true,
      raises: false,
      ignoreOutput: false,
      predict: false,
      node: '>=26',
    });
    expect('node' in cellPolicy({ metadata: { scalable_ts: 'odd' } })).toBe(false);
  });
});
