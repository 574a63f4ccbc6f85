// Type tests: checked by `tsc --noEmit`, never run.
import { expectTypeOf } from 'vitest';
import {
  Queue,
  TaskGroup,
  accumulate,
  batched,
  chain,
  enumerate,
  filter,
  gather,
  groupBy,
  limit,
  map,
  mapConcurrent,
  take,
  tee,
  toArray,
  waitFor,
  zip,
} from './index.js';

declare const numbers: number[];
declare const lines: AsyncIterable<string>;

// A sync source gives a sync iterator; an async source an async one, with awaited callbacks.
expectTypeOf(map(numbers, (n) => String(n))).toEqualTypeOf<IterableIterator<string>>();
expectTypeOf(map(lines, async (line) => line.length)).toEqualTypeOf<AsyncIterableIterator<number>>();
expectTypeOf(map(numbers, async (n) => n)).toEqualTypeOf<IterableIterator<Promise<number>>>();
expectTypeOf(take(filter(numbers, (n) => n > 0), 3)).toEqualTypeOf<IterableIterator<number>>();
expectTypeOf(filter([1, 'a'], (x): x is string => typeof x === 'string')).toEqualTypeOf<IterableIterator<string>>();
expectTypeOf(enumerate(lines)).toEqualTypeOf<AsyncIterableIterator<[number, string]>>();
expectTypeOf(batched(numbers, 2)).toEqualTypeOf<IterableIterator<number[]>>();
expectTypeOf(accumulate(numbers)).toEqualTypeOf<IterableIterator<number>>();
expectTypeOf(accumulate(['a'], (s: number, c) => s + c.length, 0)).toEqualTypeOf<IterableIterator<number>>();
expectTypeOf(groupBy(numbers, (n) => n % 2 === 0)).toEqualTypeOf<IterableIterator<[boolean, number[]]>>();
expectTypeOf(tee(lines)).toEqualTypeOf<AsyncIterableIterator<string>[]>();
expectTypeOf(toArray(numbers)).toEqualTypeOf<number[]>();
expectTypeOf(toArray(lines)).toEqualTypeOf<Promise<string[]>>();

// Combinators are async as soon as one source is.
expectTypeOf(chain(numbers, ['a'])).toEqualTypeOf<IterableIterator<number | string>>();
expectTypeOf(chain(numbers, lines)).toEqualTypeOf<AsyncIterableIterator<number | string>>();
expectTypeOf(zip(numbers, 'ab')).toEqualTypeOf<IterableIterator<[number, string]>>();
expectTypeOf(zip(lines, numbers)).toEqualTypeOf<AsyncIterableIterator<[string, number]>>();
expectTypeOf(mapConcurrent(numbers, async (n) => String(n), { concurrency: 2 })).toEqualTypeOf<AsyncIterableIterator<string>>();

// Structured concurrency keeps the types of each piece of work.
expectTypeOf(gather([Promise.resolve(1), async () => 'x'])).toEqualTypeOf<Promise<[number, string]>>();
expectTypeOf(gather([Promise.resolve(1)], { returnExceptions: true })).toEqualTypeOf<Promise<[number | Error]>>();
expectTypeOf(waitFor(async () => 1, 10)).toEqualTypeOf<Promise<number>>();
expectTypeOf(waitFor(Promise.resolve('a'), 10)).toEqualTypeOf<Promise<string>>();
expectTypeOf(TaskGroup.run(async () => true)).toEqualTypeOf<Promise<boolean>>();
expectTypeOf(new Queue<string>().get()).toEqualTypeOf<Promise<string>>();

const limited = limit(2);
expectTypeOf(limited(async (a: number, b: string) => a + b.length, 1, 'x')).toEqualTypeOf<Promise<number>>();
// @ts-expect-error: the arguments must match the function's parameters
void limited(async (a: number) => a, 'not a number');
