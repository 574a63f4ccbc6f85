import { isAlive as alive } from '@scalable-ts/test-support';
import { describe, expect, it } from 'vitest';
import { RunnerOptionError } from './errors.js';
import { FlakeTally, parseCount, startLoad } from './flakes.js';

describe('FlakeTally', () => {
  it('counts per cell the runs that failed, groups identical failures, and names the runs', () => {
    const tally = new FlakeTally();
    const diff = (actual: string) => `cell [2]: its outputs differ\n-on time\n+${actual}`;
    for (const actual of [undefined, 'late', undefined, 'late', 'very late']) {
      tally.beginRun();
      tally.record('flaky.ipynb', '[1] setup', 'passed');
      tally.record('flaky.ipynb', '[2] timing', actual ? 'failed' : 'passed', actual && diff(actual));
    }
    expect(tally.flaky()).toEqual([
      {
        notebook: 'flaky.ipynb',
        test: '[2] timing',
        passed: 2,
        failed: 3,
        skipped: 0,
        failures: [
          { message: diff('late'), runs: [2, 4] },
          { message: diff('very late'), runs: [5] },
        ],
      },
    ]);
    expect(tally.report(1)).toBe(
      [
        'Flake hunt: 5 runs beside 1 busy process: 1 of 2 cells failed at least once.',
        '',
        'flaky.ipynb › [2] timing: failed 3 of 5 runs',
        '  runs 2, 4:',
        '    cell [2]: its outputs differ',
        '    -on time',
        '    +late',
        '  run 5:',
        '    cell [2]: its outputs differ',
        '    -on time',
        '    +very late',
      ].join('\n'),
    );
  });

  it('says so when every cell held', () => {
    const tally = new FlakeTally();
    tally.beginRun();
    tally.record('a.ipynb', '[1] x', 'passed');
    tally.record('a.ipynb', '[2] y', 'skipped');
    expect(tally.report()).toBe('Flake hunt: 1 run: all 2 cells held in every run.');
  });
});

describe('parseCount', () => {
  it('takes integers from the minimum up and names the option otherwise', () => {
    expect(parseCount('10', '--repeat', 1)).toBe(10);
    expect(parseCount('0', '--load', 0)).toBe(0);
    expect(() => parseCount('0', '--repeat', 1)).toThrow(new RunnerOptionError('--repeat must be an integer >= 1, got "0"'));
    expect(() => parseCount('2.5', '--load', 0)).toThrow('--load must be an integer >= 0, got "2.5"');
  });
});

describe('startLoad', () => {
  it('starts busy processes, and they are gone after stop()', async () => {
    const load = startLoad(2);
    expect(load.pids).toHaveLength(2);
    expect(load.pids.every(alive)).toBe(true);
    await load.stop();
    expect(load.pids.some(alive)).toBe(false);
    await load.stop();
    expect(startLoad(0).pids).toEqual([]);
  });
});
