// Model-based property tests: random sequences of Deque operations against a plain array that
// follows Python's rules the slow, obvious way (shift, unshift, splice).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Deque } from './deque.js';
import { IndexError, ValueError } from './errors.js';
import { step } from './test-support/model.js';

interface Model {
  items: number[];
  readonly maxlen: number | undefined;
}
type Real = Deque<number>;

function same(model: Model, real: Real): void {
  expect([...real]).toEqual(model.items);
  expect(real.length).toBe(model.items.length);
}

const command = (label: string, apply: (model: Model, real: Real) => void) => step(label, apply, same);

function modelAppend(model: Model, value: number): void {
  model.items.push(value);
  if (model.maxlen !== undefined && model.items.length > model.maxlen) model.items.shift();
}

function modelAppendLeft(model: Model, value: number): void {
  model.items.unshift(value);
  if (model.maxlen !== undefined && model.items.length > model.maxlen) model.items.pop();
}

/** Python's normalization of an insert position or an index() bound. */
function clamp(index: number, length: number): number {
  return index < 0 ? Math.max(0, index + length) : Math.min(index, length);
}

const value = fc.integer({ min: 0, max: 9 });
const values = fc.array(value, { maxLength: 40 });

const commands = [
  value.map((v) => command(`append(${v})`, (m, r) => (r.append(v), modelAppend(m, v)))),
  value.map((v) => command(`appendLeft(${v})`, (m, r) => (r.appendLeft(v), modelAppendLeft(m, v)))),
  fc.constant(
    command('pop()', (m, r) => {
      if (m.items.length === 0) expect(() => r.pop()).toThrow(IndexError);
      else expect(r.pop()).toBe(m.items.pop());
    }),
  ),
  fc.constant(
    command('popLeft()', (m, r) => {
      if (m.items.length === 0) expect(() => r.popLeft()).toThrow(IndexError);
      else expect(r.popLeft()).toBe(m.items.shift());
    }),
  ),
  fc.tuple(fc.integer({ min: 1, max: 40 }), fc.boolean()).map(([n, left]) =>
    command(`pop ${n} from the ${left ? 'left' : 'right'}`, (m, r) => {
      for (let i = 0; i < n && m.items.length > 0; i++) expect(left ? r.popLeft() : r.pop()).toBe(left ? m.items.shift() : m.items.pop());
    }),
  ),
  // A ring exactly full (16, 32 or 64 items in as many slots) takes other paths (rotate, grow).
  fc.constantFrom(16, 32, 64).map((n) =>
    command(`fill to ${n}`, (m, r) => {
      for (let v = 0; r.length < n && (m.maxlen === undefined || r.length < m.maxlen); v = (v + 1) % 10) {
        r.append(v);
        modelAppend(m, v);
      }
    }),
  ),
  values.map((vs) => command(`extend([${vs}])`, (m, r) => (r.extend(vs), vs.forEach((v) => modelAppend(m, v))))),
  values.map((vs) => command(`extendLeft([${vs}])`, (m, r) => (r.extendLeft(vs), vs.forEach((v) => modelAppendLeft(m, v))))),
  fc.integer({ min: -30, max: 30 }).map((n) =>
    command(`rotate(${n})`, (m, r) => {
      r.rotate(n);
      const length = m.items.length;
      if (length === 0) return;
      const right = ((n % length) + length) % length;
      m.items = [...m.items.slice(length - right), ...m.items.slice(0, length - right)];
    }),
  ),
  fc.tuple(fc.integer({ min: -25, max: 25 }), value).map(([i, v]) =>
    command(`insert(${i}, ${v})`, (m, r) => {
      if (m.maxlen !== undefined && m.items.length === m.maxlen) {
        expect(() => r.insert(i, v)).toThrow(IndexError);
      } else {
        r.insert(i, v);
        m.items.splice(clamp(i, m.items.length), 0, v);
      }
    }),
  ),
  value.map((v) =>
    command(`remove(${v})`, (m, r) => {
      const at = m.items.indexOf(v);
      if (at < 0) {
        expect(() => r.remove(v)).toThrow(ValueError);
      } else {
        r.remove(v);
        m.items.splice(at, 1);
      }
    }),
  ),
  fc.tuple(value, fc.integer({ min: -12, max: 12 }), fc.integer({ min: -12, max: 12 })).map(([v, start, stop]) =>
    command(`index(${v}, ${start}, ${stop})`, (m, r) => {
      const from = clamp(start, m.items.length);
      const found = m.items.slice(0, clamp(stop, m.items.length)).indexOf(v, from);
      if (found < 0) expect(() => r.index(v, start, stop)).toThrow(ValueError);
      else expect(r.index(v, start, stop)).toBe(found);
    }),
  ),
  value.map((v) => command(`count(${v})`, (m, r) => expect(r.count(v)).toBe(m.items.filter((x) => x === v).length))),
  fc.integer({ min: -20, max: 20 }).map((i) => command(`at(${i})`, (m, r) => expect(r.at(i)).toBe(m.items.at(i)))),
  fc.constant(command('reverse()', (m, r) => (r.reverse(), m.items.reverse()))),
  fc.constant(command('reversed()', (m, r) => expect([...r.reversed()]).toEqual([...m.items].reverse()))),
  fc.constant(
    command('copy()', (m, r) => {
      const copy = r.copy();
      expect([...copy]).toEqual(m.items);
      expect(copy.maxlen).toBe(m.maxlen);
    }),
  ),
  fc.constant(command('clear()', (m, r) => (r.clear(), (m.items = [])))),
];

function runModel(maxlen: number | undefined, cmds: Iterable<fc.Command<Model, Real>>): void {
  fc.modelRun(() => ({ model: { items: [], maxlen }, real: new Deque<number>(null, maxlen) }), cmds);
}

describe('Deque: model-based', () => {
  it('unbounded: any sequence of operations agrees with an array', () => {
    fc.assert(fc.property(fc.commands(commands, { maxCommands: 150 }), (cmds) => runModel(undefined, cmds)), { numRuns: 300 });
  });

  it('bounded: any sequence agrees with an array trimmed to maxlen from the opposite end', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.commands(commands, { maxCommands: 150 }), (maxlen, cmds) => runModel(maxlen, cmds)),
      { numRuns: 300 },
    );
  });
});
