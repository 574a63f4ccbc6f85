// Model-based property tests: random sequences of Counter operations against an array of
// [key, count] pairs in first-seen order, updated the slow, obvious way.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Counter } from './counter.js';
import { step } from './test-support/model.js';

type Pairs = Array<[string, number]>;
interface Model {
  pairs: Pairs;
}
type Real = Counter<string>;

function same(model: Model, real: Real): void {
  expect([...real]).toEqual(model.pairs);
  expect(real.size).toBe(model.pairs.length);
}

const command = (label: string, apply: (model: Model, real: Real) => void) => step(label, apply, same);

const countOf = (pairs: Pairs, key: string): number => pairs.find(([k]) => k === key)?.[1] ?? 0;

function add(pairs: Pairs, key: string, delta: number): void {
  const pair = pairs.find(([k]) => k === key);
  if (pair) pair[1] += delta;
  else pairs.push([key, delta]);
}

/** Python's Counter arithmetic, spelled out: our keys then their new keys, keeping counts > 0. */
function combine(mine: Pairs, theirs: Pairs, operation: (a: number, b: number) => number): Pairs {
  const keys = [...mine.map(([k]) => k), ...theirs.map(([k]) => k).filter((k) => !mine.some(([m]) => m === k))];
  return keys.map((k): [string, number] => [k, operation(countOf(mine, k), countOf(theirs, k))]).filter(([, n]) => n > 0);
}

const key = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
const count = fc.integer({ min: -5, max: 5 });
const keys = fc.array(key, { maxLength: 12 });
const counts = fc.uniqueArray(fc.tuple(key, count), { selector: ([k]) => k, maxLength: 6 });

const operations: Array<[string, (a: number, b: number) => number, (c: Real, d: Real) => Real]> = [
  ['add', (a, b) => a + b, (c, d) => c.add(d)],
  ['sub', (a, b) => a - b, (c, d) => c.sub(d)],
  ['and', (a, b) => Math.min(a, b), (c, d) => c.and(d)],
  ['or', (a, b) => Math.max(a, b), (c, d) => c.or(d)],
];

const commands = [
  keys.map((ks) => command(`update([${ks}])`, (m, r) => (r.update(ks), ks.forEach((k) => add(m.pairs, k, 1))))),
  counts.map((cs) => command(`update(${JSON.stringify(cs)})`, (m, r) => (r.update(new Map(cs)), cs.forEach(([k, n]) => add(m.pairs, k, n))))),
  keys.map((ks) => command(`subtract([${ks}])`, (m, r) => (r.subtract(ks), ks.forEach((k) => add(m.pairs, k, -1))))),
  counts.map((cs) =>
    command(`subtract(${JSON.stringify(cs)})`, (m, r) => (r.subtract(Object.fromEntries(cs)), cs.forEach(([k, n]) => add(m.pairs, k, 0 - n)))),
  ),
  fc.tuple(key, count).map(([k, n]) =>
    command(`set(${k}, ${n})`, (m, r) => {
      r.set(k, n);
      const pair = m.pairs.find(([p]) => p === k);
      if (pair) pair[1] = n;
      else m.pairs.push([k, n]);
    }),
  ),
  key.map((k) =>
    command(`delete(${k})`, (m, r) => {
      expect(r.delete(k)).toBe(m.pairs.some(([p]) => p === k));
      m.pairs = m.pairs.filter(([p]) => p !== k);
    }),
  ),
  key.map((k) => command(`get(${k})`, (m, r) => expect(r.get(k)).toBe(countOf(m.pairs, k)))),
  fc.option(fc.integer({ min: -1, max: 8 }), { nil: undefined }).map((n) =>
    command(`mostCommon(${n})`, (m, r) => {
      // Highest count first; among equal counts, the earlier-seen key first.
      const sorted = m.pairs
        .map((pair, seen) => ({ pair, seen }))
        .sort((x, y) => y.pair[1] - x.pair[1] || x.seen - y.seen)
        .map(({ pair }) => pair);
      expect(r.mostCommon(n)).toEqual(n === undefined ? sorted : sorted.slice(0, Math.max(0, n)));
    }),
  ),
  fc.constant(command('elements()', (m, r) => expect([...r.elements()]).toEqual(m.pairs.flatMap(([k, n]) => Array<string>(Math.max(0, n)).fill(k))))),
  fc.constant(command('total()', (m, r) => expect(r.total()).toBe(m.pairs.reduce((sum, [, n]) => sum + n, 0)))),
  fc.constant(command('positive()', (m, r) => expect([...r.positive()]).toEqual(m.pairs.filter(([, n]) => n > 0)))),
  fc.constant(command('negative()', (m, r) => expect([...r.negative()]).toEqual(m.pairs.filter(([, n]) => n < 0).map(([k, n]) => [k, -n])))),
  fc.tuple(fc.constantFrom(...operations), counts).map(([[name, operation, real], cs]) =>
    command(`${name}(${JSON.stringify(cs)})`, (m, r) => {
      const other = new Counter<string>(new Map(cs));
      expect([...real(r, other)]).toEqual(combine(m.pairs, cs, operation));
    }),
  ),
  fc.constant(command('clear()', (m, r) => (r.clear(), (m.pairs = [])))),
];

describe('Counter: model-based', () => {
  it('any sequence of operations agrees with a list of pairs', () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 80 }), (cmds) => {
        fc.modelRun(() => ({ model: { pairs: [] }, real: new Counter<string>() }), cmds);
      }),
      { numRuns: 300 },
    );
  });
});
