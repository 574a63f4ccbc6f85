// Model-based property tests: random sequences of OrderedDict operations against an array of
// [key, value] pairs, re-ordered the slow, obvious way (findIndex, splice, push, unshift).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyError } from './errors.js';
import { OrderedDict } from './ordered-dict.js';
import { step } from './test-support/model.js';

type Pairs = Array<[string, number]>;
interface Model {
  pairs: Pairs;
}
type Real = OrderedDict<string, number>;

function same(model: Model, real: Real): void {
  expect([...real]).toEqual(model.pairs);
  expect(real.size).toBe(model.pairs.length);
}

const command = (label: string, apply: (model: Model, real: Real) => void) => step(label, apply, same);

const at = (pairs: Pairs, key: string): number => pairs.findIndex(([k]) => k === key);

const key = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g');
const value = fc.integer({ min: 0, max: 9 });

const commands = [
  fc.tuple(key, value).map(([k, v]) =>
    command(`set(${k}, ${v})`, (m, r) => {
      expect(r.set(k, v)).toBe(r);
      const i = at(m.pairs, k);
      if (i >= 0) m.pairs[i] = [k, v];
      else m.pairs.push([k, v]);
    }),
  ),
  key.map((k) =>
    command(`delete(${k})`, (m, r) => {
      const i = at(m.pairs, k);
      expect(r.delete(k)).toBe(i >= 0);
      if (i >= 0) m.pairs.splice(i, 1);
    }),
  ),
  key.map((k) =>
    command(`get/has(${k})`, (m, r) => {
      expect(r.get(k)).toBe(m.pairs[at(m.pairs, k)]?.[1]);
      expect(r.has(k)).toBe(at(m.pairs, k) >= 0);
    }),
  ),
  fc.tuple(key, fc.boolean()).map(([k, last]) =>
    command(`moveToEnd(${k}, ${last})`, (m, r) => {
      const i = at(m.pairs, k);
      if (i < 0) {
        expect(() => r.moveToEnd(k, last)).toThrow(KeyError);
        return;
      }
      r.moveToEnd(k, last);
      const [pair] = m.pairs.splice(i, 1) as [[string, number]];
      if (last) m.pairs.push(pair);
      else m.pairs.unshift(pair);
    }),
  ),
  fc.boolean().map((last) =>
    command(`popItem(${last})`, (m, r) => {
      if (m.pairs.length === 0) expect(() => r.popItem(last)).toThrow(KeyError);
      else expect(r.popItem(last)).toEqual(last ? m.pairs.pop() : m.pairs.shift());
    }),
  ),
  fc.constant(
    command('equals(copy), equals(reordered)', (m, r) => {
      expect(r.equals(new OrderedDict(m.pairs))).toBe(true);
      expect(r.equals(new Map([...m.pairs].reverse()))).toBe(true);
      if (m.pairs.length > 1) expect(r.equals(new OrderedDict([...m.pairs].reverse()))).toBe(false);
    }),
  ),
  fc.constant(command('clear()', (m, r) => (r.clear(), (m.pairs = [])))),
];

describe('OrderedDict: model-based', () => {
  it('any sequence of operations agrees with a list of pairs', () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 100 }), (cmds) => {
        fc.modelRun(() => ({ model: { pairs: [] }, real: new OrderedDict<string, number>() }), cmds);
      }),
      { numRuns: 300 },
    );
  });
});
