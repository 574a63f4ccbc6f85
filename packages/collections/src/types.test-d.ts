// Type tests: checked by `tsc --noEmit` (npm run typecheck), never run.
import { expectTypeOf } from 'vitest';
import {
  ChainMap,
  Counter,
  DefaultDict,
  Deque,
  LRUCache,
  OrderedDict,
  defineEnum,
  defineFlags,
  enumEntries,
  enumValue,
  isEnumValue,
  type ValueOf,
} from './index.js';

// Deque: element type from the iterable; pops give T, at() may give undefined.
const deque = new Deque([1, 2, 3]);
expectTypeOf(deque).toEqualTypeOf<Deque<number>>();
expectTypeOf(deque.popLeft()).toEqualTypeOf<number>();
expectTypeOf(deque.at(0)).toEqualTypeOf<number | undefined>();
expectTypeOf(deque.maxlen).toEqualTypeOf<number | undefined>();
expectTypeOf([...new Deque('ab')]).toEqualTypeOf<string[]>();
// @ts-expect-error a Deque<number> takes numbers only
deque.append('x');

// Counter: keys from an iterable, a Map, or an object; get() is a number, never undefined.
expectTypeOf(new Counter('hello')).toEqualTypeOf<Counter<string>>();
expectTypeOf(new Counter(new Map([['a', 2]]))).toEqualTypeOf<Counter<string>>();
expectTypeOf(new Counter(new Counter([1, 2]))).toEqualTypeOf<Counter<number>>();
expectTypeOf(new Counter({ red: 1, blue: 2 })).toEqualTypeOf<Counter<string>>();
expectTypeOf(new Counter()).toEqualTypeOf<Counter<string>>();
// @ts-expect-error with explicit keys, an object of counts may only name those keys
new Counter<'red' | 'blue'>({ green: 1 });
expectTypeOf(new Counter(['a']).get('a')).toEqualTypeOf<number>();
expectTypeOf(new Counter(['a']).mostCommon(1)).toEqualTypeOf<Array<[string, number]>>();
expectTypeOf(new Counter(['a'])).toMatchTypeOf<Map<string, number>>();

// DefaultDict: get() never gives undefined; it is a Map.
const groups = new DefaultDict<string, string[]>(() => []);
expectTypeOf(groups.get('x')).toEqualTypeOf<string[]>();
expectTypeOf(groups).toMatchTypeOf<Map<string, string[]>>();

// ChainMap, OrderedDict, LRUCache: Map-shaped reads.
const chain = new ChainMap(new Map([['a', 1]]), new Map([['b', 2]]));
expectTypeOf(chain.get('a')).toEqualTypeOf<number | undefined>();
expectTypeOf([...chain]).toEqualTypeOf<Array<[string, number]>>();
const dict = new OrderedDict([['a', 1]] as const);
expectTypeOf(dict.popItem()).toEqualTypeOf<['a', 1]>();
const cache = new LRUCache<string, Buffer>(10);
expectTypeOf(cache.get('k')).toEqualTypeOf<Buffer | undefined>();

// Enums: literal types from the names; enumValue and isEnumValue narrow to the values.
const Color = defineEnum('Red', 'Blue');
type Color = ValueOf<typeof Color>;
expectTypeOf<Color>().toEqualTypeOf<'Red' | 'Blue'>();
expectTypeOf(enumValue(Color, 'Red' as unknown)).toEqualTypeOf<Color>();
declare const input: unknown;
if (isEnumValue(Color, input)) expectTypeOf(input).toEqualTypeOf<Color>();
expectTypeOf(defineFlags('Read', 'Write')).toEqualTypeOf<{ readonly Read: number; readonly Write: number }>();
enum Level {
  Low,
  High,
}
const [first] = enumEntries(Level);
if (first) {
  expectTypeOf(first[0]).toEqualTypeOf<'Low' | 'High'>();
  expectTypeOf(first[1]).toMatchTypeOf<Level>();
}
