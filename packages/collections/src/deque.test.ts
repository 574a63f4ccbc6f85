import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Deque } from './deque.js';
import { IndexError, ValueError } from './errors.js';

const items = <T>(deque: Deque<T>): T[] => [...deque];

describe('Deque: construction', () => {
  it('starts empty, unbounded', () => {
    const deque = new Deque<number>();
    expect(deque.length).toBe(0);
    expect(deque.maxlen).toBeUndefined();
    expect(items(deque)).toEqual([]);
  });

  it('takes any iterable, left to right', () => {
    expect(items(new Deque([1, 2, 3]))).toEqual([1, 2, 3]);
    expect(items(new Deque('abc'))).toEqual(['a', 'b', 'c']);
    expect(items(new Deque(new Set([1, 2])))).toEqual([1, 2]);
    expect(items(new Deque(null))).toEqual([]);
  });

  it('keeps only the last maxlen items of the iterable', () => {
    const deque = new Deque([1, 2, 3, 4, 5], 3);
    expect(items(deque)).toEqual([3, 4, 5]);
    expect(deque.maxlen).toBe(3);
  });

  it('rejects a bad maxlen, naming it', () => {
    expect(() => new Deque([], -1)).toThrow(new RangeError('maxlen must be at least 0, got -1'));
    expect(() => new Deque([], 1.5)).toThrow(TypeError);
    expect(() => new Deque([], Number.NaN)).toThrow(/maxlen must be an integer, got NaN/);
  });
});

describe('Deque: both ends', () => {
  it('appends and pops at both ends', () => {
    const deque = new Deque<number>();
    deque.append(2);
    deque.append(3);
    deque.appendLeft(1);
    deque.appendLeft(0);
    expect(items(deque)).toEqual([0, 1, 2, 3]);
    expect(deque.pop()).toBe(3);
    expect(deque.popLeft()).toBe(0);
    expect(items(deque)).toEqual([1, 2]);
    expect(deque.length).toBe(2);
  });

  it('throws IndexError when popping an empty deque, at either end', () => {
    const deque = new Deque<number>();
    expect(() => deque.pop()).toThrow(IndexError);
    expect(() => deque.popLeft()).toThrow('pop from an empty deque');
    try {
      deque.popLeft();
    } catch (error) {
      expect(error).toMatchObject({ name: 'IndexError', code: 'ERR_INDEX' });
    }
  });

  it('grows past its initial capacity and wraps around, in order', () => {
    const deque = new Deque<number>();
    for (let i = 0; i < 10; i++) deque.append(i);
    for (let i = 0; i < 8; i++) deque.popLeft();
    for (let i = 10; i < 100; i++) deque.append(i);
    for (let i = -1; i > -20; i--) deque.appendLeft(i);
    const expected = [...Array.from({ length: 19 }, (_, i) => -19 + i), ...Array.from({ length: 92 }, (_, i) => 8 + i)];
    expect(items(deque)).toEqual(expected);
  });

  it('shrinks back after a burst and keeps working', () => {
    const deque = new Deque<number>();
    for (let i = 0; i < 10_000; i++) deque.append(i);
    const popped = Array.from({ length: 9_990 }, () => deque.popLeft());
    expect(popped).toEqual(Array.from({ length: 9_990 }, (_, i) => i));
    expect(items(deque)).toEqual([9990, 9991, 9992, 9993, 9994, 9995, 9996, 9997, 9998, 9999]);
    while (deque.length > 0) deque.pop();
    deque.append(1);
    expect(items(deque)).toEqual([1]);
  });

  it('works as a queue of objects and releases them', () => {
    const deque = new Deque<{ id: number }>();
    deque.append({ id: 1 });
    deque.append({ id: 2 });
    expect(deque.popLeft()).toEqual({ id: 1 });
    expect(items(deque)).toEqual([{ id: 2 }]);
  });
});

describe('Deque: bounded (maxlen)', () => {
  it('drops from the left when appending to a full deque', () => {
    const deque = new Deque([1, 2, 3], 3);
    deque.append(4);
    expect(items(deque)).toEqual([2, 3, 4]);
  });

  it('drops from the right when appending left to a full deque', () => {
    const deque = new Deque([1, 2, 3], 3);
    deque.appendLeft(0);
    expect(items(deque)).toEqual([0, 1, 2]);
  });

  it('extend and extendLeft drop as repeated appends do', () => {
    const right = new Deque([1, 2], 3);
    right.extend([3, 4, 5]);
    expect(items(right)).toEqual([3, 4, 5]);
    const left = new Deque([1, 2], 3);
    left.extendLeft([3, 4, 5]);
    expect(items(left)).toEqual([5, 4, 3]);
  });

  it('with maxlen 0 keeps nothing, and pops throw', () => {
    const deque = new Deque<number>([1, 2], 0);
    deque.append(3);
    deque.appendLeft(4);
    deque.extend([5, 6]);
    expect(deque.length).toBe(0);
    expect(items(deque)).toEqual([]);
    expect(deque.at(0)).toBeUndefined();
    expect(() => deque.pop()).toThrow(IndexError);
    expect(() => deque.insert(0, 1)).toThrow(IndexError);
  });

  it('with maxlen 1 keeps the latest', () => {
    const deque = new Deque<string>(null, 1);
    deque.append('a');
    deque.append('b');
    expect(items(deque)).toEqual(['b']);
    deque.appendLeft('c');
    expect(items(deque)).toEqual(['c']);
  });

  it('a bounded deque larger than the initial capacity grows up to maxlen, then drops', () => {
    const deque = new Deque<number>(null, 100);
    for (let i = 0; i < 250; i++) deque.append(i);
    expect(deque.length).toBe(100);
    expect(deque.at(0)).toBe(150);
    expect(deque.at(-1)).toBe(249);
  });
});

describe('Deque: extend and extendLeft', () => {
  it('extendLeft reverses, as in Python', () => {
    const deque = new Deque<string>(['x']);
    deque.extendLeft('abc');
    expect(items(deque)).toEqual(['c', 'b', 'a', 'x']);
  });

  it('extends with itself without looping forever', () => {
    const deque = new Deque([1, 2]);
    deque.extend(deque);
    expect(items(deque)).toEqual([1, 2, 1, 2]);
    deque.extendLeft(deque);
    expect(items(deque)).toEqual([2, 1, 2, 1, 1, 2, 1, 2]);
  });

  it('takes any iterable, including a generator', () => {
    const deque = new Deque<number>();
    deque.extend((function* () {
      yield 1;
      yield 2;
    })());
    expect(items(deque)).toEqual([1, 2]);
  });
});

describe('Deque: rotate', () => {
  it('rotates right by default, left when negative', () => {
    const deque = new Deque([1, 2, 3, 4, 5]);
    deque.rotate();
    expect(items(deque)).toEqual([5, 1, 2, 3, 4]);
    deque.rotate(-2);
    expect(items(deque)).toEqual([2, 3, 4, 5, 1]);
  });

  it('reduces steps modulo the length, both directions and beyond half', () => {
    const deque = new Deque([1, 2, 3, 4, 5]);
    deque.rotate(12);
    expect(items(deque)).toEqual([4, 5, 1, 2, 3]);
    deque.rotate(4);
    expect(items(deque)).toEqual([5, 1, 2, 3, 4]);
    deque.rotate(-11);
    expect(items(deque)).toEqual([1, 2, 3, 4, 5]);
    deque.rotate(5);
    expect(items(deque)).toEqual([1, 2, 3, 4, 5]);
  });

  it('rotates a full ring by moving the head only', () => {
    const deque = new Deque(Array.from({ length: 16 }, (_, i) => i));
    deque.rotate(3);
    expect(items(deque)).toEqual([13, 14, 15, ...Array.from({ length: 13 }, (_, i) => i)]);
    deque.rotate(-3);
    expect(items(deque)).toEqual(Array.from({ length: 16 }, (_, i) => i));
  });

  it('does nothing to an empty or one-item deque, and rejects fractional steps', () => {
    const empty = new Deque<number>();
    empty.rotate(3);
    expect(items(empty)).toEqual([]);
    const one = new Deque([1]);
    one.rotate(-7);
    expect(items(one)).toEqual([1]);
    expect(() => one.rotate(0.5)).toThrow(new TypeError('steps must be an integer, got 0.5'));
  });
});

describe('Deque: insert, remove, index, count', () => {
  it('inserts like Array#splice(i, 0, x): negative from the right, clamped at both ends', () => {
    const deque = new Deque([1, 2, 3]);
    deque.insert(1, 10);
    expect(items(deque)).toEqual([1, 10, 2, 3]);
    deque.insert(-1, 20);
    expect(items(deque)).toEqual([1, 10, 2, 20, 3]);
    deque.insert(100, 30);
    deque.insert(-100, 0);
    expect(items(deque)).toEqual([0, 1, 10, 2, 20, 3, 30]);
    deque.insert(0, -1);
    deque.insert(deque.length, 99);
    expect(items(deque)).toEqual([-1, 0, 1, 10, 2, 20, 3, 30, 99]);
  });

  it('inserts when the ring must grow, on either half', () => {
    const deque = new Deque(Array.from({ length: 16 }, (_, i) => i));
    deque.insert(3, 100);
    deque.insert(15, 200);
    expect(deque.at(3)).toBe(100);
    expect(deque.at(15)).toBe(200);
    expect(deque.length).toBe(18);
  });

  it('insert into a full bounded deque throws IndexError; with room it works', () => {
    const deque = new Deque([1, 2], 3);
    deque.insert(1, 5);
    expect(items(deque)).toEqual([1, 5, 2]);
    expect(() => deque.insert(0, 9)).toThrow(new IndexError('deque already at its maximum size (maxlen 3)'));
    expect(() => deque.insert(0.5, 9)).toThrow(TypeError);
  });

  it('removes the first equal item, from either half', () => {
    const deque = new Deque([1, 2, 3, 2, 1, 5, 6, 7]);
    deque.remove(2);
    expect(items(deque)).toEqual([1, 3, 2, 1, 5, 6, 7]);
    deque.remove(6);
    expect(items(deque)).toEqual([1, 3, 2, 1, 5, 7]);
    deque.remove(1);
    expect(items(deque)).toEqual([3, 2, 1, 5, 7]);
  });

  it('remove of a missing value throws ValueError naming it', () => {
    const deque = new Deque(['a']);
    expect(() => deque.remove('z')).toThrow(new ValueError('z', "'z' is not in deque"));
    try {
      deque.remove('z');
    } catch (error) {
      expect(error).toMatchObject({ code: 'ERR_VALUE', value: 'z' });
    }
  });

  it('compares with SameValueZero: NaN finds NaN, objects by identity', () => {
    const object = { a: 1 };
    const deque = new Deque<unknown>([Number.NaN, object, -0]);
    expect(deque.index(Number.NaN)).toBe(0);
    expect(() => deque.index({ a: 1 })).toThrow(ValueError);
    expect(deque.index(object)).toBe(1);
    expect(deque.count(0)).toBe(1);
    deque.remove(Number.NaN);
    expect(deque.length).toBe(2);
  });

  it('index searches [start, stop), negative bounds from the right', () => {
    const deque = new Deque(['a', 'b', 'c', 'b', 'a']);
    expect(deque.index('b')).toBe(1);
    expect(deque.index('b', 2)).toBe(3);
    expect(deque.index('a', -2)).toBe(4);
    expect(deque.index('b', -100, 2)).toBe(1);
    expect(() => deque.index('c', 0, 2)).toThrow("'c' is not in deque");
    expect(() => deque.index('a', 1, -1)).toThrow(ValueError);
    expect(() => deque.index('a', 0.5)).toThrow(TypeError);
    expect(() => deque.index('a', 0, 0.5)).toThrow(TypeError);
  });

  it('counts equal items', () => {
    const deque = new Deque([1, 2, 1, 1]);
    expect(deque.count(1)).toBe(3);
    expect(deque.count(9)).toBe(0);
  });
});

describe('Deque: whole-deque operations', () => {
  it('reverses in place, across the wrap-around', () => {
    const deque = new Deque<number>();
    for (let i = 0; i < 12; i++) deque.append(i);
    for (let i = 0; i < 10; i++) deque.popLeft();
    for (let i = 12; i < 20; i++) deque.append(i);
    deque.reverse();
    expect(items(deque)).toEqual([19, 18, 17, 16, 15, 14, 13, 12, 11, 10]);
    const empty = new Deque<number>();
    empty.reverse();
    expect(items(empty)).toEqual([]);
  });

  it('clears, and keeps its maxlen', () => {
    const deque = new Deque(Array.from({ length: 100 }, (_, i) => i), 50);
    deque.clear();
    expect(deque.length).toBe(0);
    expect(deque.maxlen).toBe(50);
    deque.append(1);
    expect(items(deque)).toEqual([1]);
  });

  it('copies shallowly, with the same maxlen, independent of the original', () => {
    const shared = { n: 1 };
    const deque = new Deque([shared, { n: 2 }], 5);
    deque.rotate(1);
    const copy = deque.copy();
    expect(copy.maxlen).toBe(5);
    expect(items(copy)).toEqual(items(deque));
    expect(copy.at(1)).toBe(shared);
    copy.append({ n: 3 });
    expect(deque.length).toBe(2);
  });

  it('at() reads any position in O(1), negative from the right, undefined outside', () => {
    const deque = new Deque([10, 20, 30]);
    expect(deque.at(0)).toBe(10);
    expect(deque.at(2)).toBe(30);
    expect(deque.at(-1)).toBe(30);
    expect(deque.at(-3)).toBe(10);
    expect(deque.at(3)).toBeUndefined();
    expect(deque.at(-4)).toBeUndefined();
    expect(deque.at(1.7)).toBe(20);
    expect(deque.at(Number.NaN)).toBe(10);
  });

  it('iterates left to right, and reversed() right to left', () => {
    const deque = new Deque([1, 2, 3]);
    deque.appendLeft(0);
    expect([...deque]).toEqual([0, 1, 2, 3]);
    expect([...deque.reversed()]).toEqual([3, 2, 1, 0]);
    expect(Array.from(deque, (x) => x * 2)).toEqual([0, 2, 4, 6]);
  });
});

describe('Deque: printing', () => {
  it('prints like an array, with its length and maxlen', () => {
    expect(String(new Deque([1, 2, 3]))).toBe('Deque(3) [ 1, 2, 3 ]');
    expect(String(new Deque(['a'], 5))).toBe("Deque(1, maxlen 5) [ 'a' ]");
    expect(String(new Deque())).toBe('Deque(0) []');
    expect(inspect(new Deque([1, 2, 3]))).toBe('Deque(3) [ 1, 2, 3 ]');
    expect(inspect(new Deque([{ a: 1 }], 2))).toBe('Deque(1, maxlen 2) [ { a: 1 } ]');
  });

  it('respects inspect depth when nested', () => {
    expect(inspect({ a: { b: { c: new Deque([1]) } } })).toBe('{ a: { b: { c: [Deque(1)] } } }');
    expect(inspect([new Deque([[1, [2, [3]]]])], { depth: 1 })).toBe('[ Deque(1) [ [Array] ] ]');
  });
});
