import { describe, expect, expectTypeOf, it } from 'vitest';
import { CancelledError } from '../errors.js';
import { asCompleted } from './as-completed.js';
import { gather } from './gather.js';
import { sleep } from './sleep.js';
import { ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, wait } from './wait.js';

const after = <T>(ms: number, value: T): Promise<T> => sleep(ms).then(() => value);
const failAfter = (ms: number, message: string): Promise<never> =>
  sleep(ms).then(() => {
    throw new Error(message);
  });

describe('gather', () => {
  it('resolves with the results in order, typed per position, for promises and functions', async () => {
    const results = await gather([after(20, 'slow'), async () => 1, after(1, true)]);
    expectTypeOf(results).toEqualTypeOf<[string, number, boolean]>();
    expect(results).toEqual(['slow', 1, true]);
  });

  it('rejects with the first failure but lets the others run (as asyncio does)', async () => {
    let finished = false;
    const other = after(30, 'x').then((v) => ((finished = true), v));
    await expect(gather([other, failAfter(5, 'boom')])).rejects.toThrow('boom');
    await other;
    expect(finished).toBe(true);
  });

  it('with returnExceptions puts each error in its place', async () => {
    const results = await gather([after(5, 'ok'), failAfter(1, 'bad')], { returnExceptions: true });
    expect(results[0]).toBe('ok');
    expect((results[1] as Error).message).toBe('bad');
  });

  it('its signal rejects it and is handed to the functions', async () => {
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    const run = gather([(signal: AbortSignal) => ((seen = signal), sleep(60_000, { signal }))], { signal: controller.signal });
    controller.abort(new Error('stop all'));
    await expect(run).rejects.toThrow('stop all');
    expect(seen?.aborted).toBe(true);
    await expect(gather([], { signal: AbortSignal.abort(new Error('pre')) })).rejects.toThrow('pre');
  });
});

describe('asCompleted', () => {
  it('yields results fastest first', async () => {
    const order: string[] = [];
    for await (const v of asCompleted([after(30, 'c'), after(1, 'a'), after(15, 'b')])) order.push(v);
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('throws a failure when its turn comes, and aborts the functions still running', async () => {
    const aborted: unknown[] = [];
    const slow = async (signal: AbortSignal) => {
      signal.addEventListener('abort', () => aborted.push(signal.reason));
      await sleep(60_000, { signal }).catch(() => undefined);
      return 'never';
    };
    const got: string[] = [];
    await expect(
      (async () => {
        for await (const v of asCompleted<string>([slow, after(1, 'first'), failAfter(10, 'second failed')])) got.push(v);
      })(),
    ).rejects.toThrow('second failed');
    expect(got).toEqual(['first']);
    expect(aborted[0]).toBeInstanceOf(CancelledError);
  });

  it('a break aborts the rest', async () => {
    let abortedCount = 0;
    const work = (ms: number) => async (signal: AbortSignal) => {
      signal.addEventListener('abort', () => abortedCount++);
      await sleep(ms, { signal }).catch(() => undefined);
      return ms;
    };
    for await (const first of asCompleted([work(5), work(1_000), work(2_000)])) {
      expect(first).toBe(5);
      break;
    }
    expect(abortedCount).toBe(3); // the signal is shared; each listener hears the abort
  });
});

describe('wait', () => {
  it('ALL_COMPLETED (default) waits for everything and never rejects because of the work', async () => {
    const { done, pending } = await wait([after(10, 1), failAfter(1, 'bad')]);
    expect(pending).toEqual([]);
    expect(done.map((d) => [d.index, d.status])).toEqual([[1, 'rejected'], [0, 'fulfilled']]);
    expect((await wait([after(1, 1)], { returnWhen: ALL_COMPLETED })).done.length).toBe(1);
  });

  it('FIRST_COMPLETED returns at the first settlement, with the rest pending and still running', async () => {
    const { done, pending } = await wait([after(40, 'slow'), after(1, 'fast')], { returnWhen: FIRST_COMPLETED });
    expect(done).toEqual([{ index: 1, status: 'fulfilled', value: 'fast' }]);
    expect(pending.map((p) => p.index)).toEqual([0]);
    expect(await pending[0]!.promise).toBe('slow');
  });

  it('FIRST_EXCEPTION returns at the first failure, or when all are done', async () => {
    const failed = await wait([after(40, 'slow'), after(1, 'fast'), failAfter(10, 'bad')], { returnWhen: FIRST_EXCEPTION });
    expect(failed.done.map((d) => d.status)).toEqual(['fulfilled', 'rejected']);
    expect(failed.pending.length).toBe(1);
    const fine = await wait([after(5, 1), after(1, 2)], { returnWhen: FIRST_EXCEPTION });
    expect(fine.pending).toEqual([]);
  });

  it('timeout returns what has settled by then', async () => {
    const { done, pending } = await wait([after(1, 'a'), after(1_000, 'b')], { timeout: 20 });
    expect(done.length).toBe(1);
    expect(pending.length).toBe(1);
  });

  it('checks its arguments as asyncio does, and its signal rejects it', async () => {
    expect(() => wait([])).toThrow(TypeError);
    expect(() => wait([after(1, 1)], { returnWhen: 'SOMETIMES' as never })).toThrow(/`returnWhen`/);
    const controller = new AbortController();
    const run = wait([after(1_000, 1)], { signal: controller.signal });
    controller.abort(new Error('no more waiting'));
    await expect(run).rejects.toThrow('no more waiting');
  });
});
