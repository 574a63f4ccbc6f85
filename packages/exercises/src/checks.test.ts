import assert from 'node:assert/strict';
import { describe, expect, it, vi } from 'vitest';
import { CHECKS_MIME, ChecksFailedError, ChecksUsageError, checks, checksResultOf, formatChecks, type ChecksResult } from './index.js';

/** Runs checks() with a `show` that records what it was given. */
async function run(record: Parameters<typeof checks>[0], timeoutMs?: number) {
  const shown: { text: string; result: ChecksResult }[] = [];
  const error = await checks(record, { show: (text, result) => shown.push({ text, result }), ...(timeoutMs ? { timeoutMs } : {}) }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(shown).toHaveLength(1);
  return { error, ...(shown[0] as { text: string; result: ChecksResult }) };
}

describe('checks', () => {
  it('passes quietly but for one line per check, sync and async, in order', async () => {
    const { error, text, result } = await run({
      'adds': () => assert.equal(1 + 1, 2, 'one and one'),
      'waits': async () => assert.deepEqual(await Promise.resolve([1]), [1], 'a list'),
    });
    expect(error).toBeUndefined();
    expect(text).toBe('✔ adds\n✔ waits');
    expect(result).toMatchObject({ version: 1, total: 2, passed: 2, failed: 0 });
    expect(result.checks.map((c) => c.name)).toEqual(['adds', 'waits']);
  });

  it('shows the assertion message as the hint and throws a typed error naming the failed checks', async () => {
    const { error, text, result } = await run({
      'keeps 3': () => assert.equal([1, 2, 3, 4].length, 3, 'keeps 3 items; yours kept 4'),
      'fine': () => {},
      'oldest first': async () => assert.deepEqual(await Promise.resolve([1, 2]), [2, 3], 'the oldest goes first'),
    });
    expect(text).toBe('✘ keeps 3: keeps 3 items; yours kept 4\n✔ fine\n✘ oldest first: the oldest goes first');
    expect(error).toBeInstanceOf(ChecksFailedError);
    const failed = error as ChecksFailedError;
    expect(failed.code).toBe('ERR_CHECKS_FAILED');
    expect(failed.message).toBe('2 of 3 checks failed: keeps 3, oldest first');
    expect(failed.stack).toBe('ChecksFailedError: 2 of 3 checks failed: keeps 3, oldest first');
    expect(failed.result).toBe(result);
    expect(Object.keys(failed)).toEqual(['code']);
    expect(result.checks[0]).toMatchObject({ passed: false, kind: 'assertion', hint: 'keeps 3 items; yours kept 4' });
  });

  it('fails a check that throws another error, with its name and message, and one that never settles', async () => {
    const { error, result, text } = await run(
      {
        'calls it': () => (undefined as unknown as () => void)(),
        'settles': () => new Promise(() => {}),
        'throws a string': () => {
          throw 'nope';
        },
      },
      50,
    );
    expect(error).toBeInstanceOf(ChecksFailedError);
    expect(result.checks.map((c) => [c.kind, c.hint])).toEqual([
      ['error', expect.stringMatching(/^TypeError: /)],
      ['timeout', 'did not finish within 0.05 s'],
      ['error', 'threw nope'],
    ]);
    expect(text.split('\n')).toHaveLength(3);
  });

  it('indents a hint of several lines under its check', () => {
    const result: ChecksResult = { version: 1, total: 1, passed: 0, failed: 1, checks: [{ name: 'n', passed: false, kind: 'assertion', hint: 'a\nb' }] };
    expect(formatChecks(result)).toBe('✘ n: a\n    b');
  });

  it.each([
    ['no checks', {}, /at least one check/],
    ['a value that is not a function', { a: () => {}, b: 3 }, /not: "b"/],
    ['an array', [() => {}], /record of named check functions/],
    ['null', null, /record of named check functions/],
  ])('refuses %s with ERR_CHECKS_USAGE', async (_, record, message) => {
    const error = await checks(record as never, { show: () => {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChecksUsageError);
    expect((error as ChecksUsageError).code).toBe('ERR_CHECKS_USAGE');
    expect((error as Error).message).toMatch(message);
  });

  it('refuses a time limit that is not positive', async () => {
    await expect(checks({ a: () => {} }, { timeoutMs: 0 })).rejects.toThrow(ChecksUsageError);
  });

  it('prints the lines on standard output outside a tslab kernel', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      await checks({ 'plain node': () => {} });
      expect(log).toHaveBeenCalledWith('✔ plain node');
    } finally {
      log.mockRestore();
    }
  });
});

describe('checksResultOf', () => {
  it('reads the last structured result from a cell’s outputs, and nothing from others', () => {
    const result: ChecksResult = { version: 1, total: 1, passed: 1, failed: 0, checks: [{ name: 'a', passed: true }] };
    const outputs = [
      { output_type: 'stream', name: 'stdout', text: ['x'] },
      { output_type: 'display_data', data: { 'text/plain': '✔ a', [CHECKS_MIME]: { ...result, passed: 0 } }, metadata: {} },
      { output_type: 'display_data', data: { 'text/plain': '✔ a', [CHECKS_MIME]: result }, metadata: {} },
    ];
    expect(checksResultOf(outputs)).toEqual(result);
    expect(checksResultOf([{ output_type: 'display_data', data: { [CHECKS_MIME]: 'text' } }, null, 3])).toBeUndefined();
  });
});
