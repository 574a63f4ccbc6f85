import { expect, test } from 'vitest';
import { EditStore, ProgressStore, editsKey, exercisesLabel, progressKey, progressLabel } from './progress.js';

/** A `Storage` in memory. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

test('records which cells ran, once each, per notebook', () => {
  const storage = memoryStorage();
  const store = new ProgressStore(storage);
  expect(store.read('01-queues')).toBeUndefined();
  store.setTotal('01-queues', 3);
  store.markRun('01-queues', 'cell-a', 3);
  store.markRun('01-queues', 'cell-a', 3);
  expect(store.markRun('01-queues', 'cell-b', 3)).toEqual({ ran: ['cell-a', 'cell-b'], total: 3 });
  expect(store.read('01-queues')).toEqual({ ran: ['cell-a', 'cell-b'], total: 3 });
  expect(store.read('02-other')).toBeUndefined();
  expect([...storage.items.keys()]).toEqual([progressKey('01-queues')]);
  store.reset('01-queues');
  expect(store.read('01-queues')).toBeUndefined();
});

test('survives a broken record and a storage that throws', () => {
  const storage = memoryStorage();
  storage.setItem(progressKey('x'), '{"ran": 3}');
  expect(new ProgressStore(storage).read('x')).toBeUndefined();
  const throwing = {
    getItem: () => {
      throw new Error('denied');
    },
    setItem: () => {
      throw new Error('full');
    },
    removeItem: () => {
      throw new Error('denied');
    },
  };
  const store = new ProgressStore(throwing);
  expect(store.read('x')).toBeUndefined();
  expect(store.markRun('x', 'a', 2)).toEqual({ ran: ['a'], total: 2 });
  expect(() => store.reset('x')).not.toThrow();
});

test('labels progress, never past the total', () => {
  expect(progressLabel({ ran: ['a', 'b'], total: 5 })).toBe('2 of 5 cells run');
  expect(progressLabel({ ran: ['a', 'b'], total: 1 })).toBe('1 of 1 cell run');
});

test('records exercises checked and solved, and labels them', () => {
  const store = new ProgressStore(memoryStorage());
  store.setTotal('nb', 6, 2);
  store.markRun('nb', 'a', 6);
  store.markChecked('nb', 'ex-1', false);
  expect(exercisesLabel(store.read('nb')!)).toBe('0 of 2 exercises solved');
  store.markChecked('nb', 'ex-1', true);
  store.markChecked('nb', 'ex-1', false); // a later failing check does not unsolve it
  expect(store.read('nb')).toEqual({ ran: ['a'], total: 6, exercises: 2, tried: ['ex-1'], solved: ['ex-1'] });
  expect(exercisesLabel(store.read('nb')!)).toBe('1 of 2 exercises solved');
  expect(exercisesLabel({ ran: [], total: 3 })).toBeUndefined();
  expect(exercisesLabel({ ran: [], total: 3, exercises: 1, solved: ['x'] })).toBe('1 of 1 exercise solved');
});

test('keeps starter edits per notebook until they are forgotten', () => {
  const storage = memoryStorage();
  const edits = new EditStore(storage);
  expect(edits.read('nb', 'starter')).toBeUndefined();
  edits.write('nb', 'starter', 'return 42;');
  edits.write('nb', 'other', 'x');
  expect(edits.read('nb', 'starter')).toBe('return 42;');
  expect(edits.read('nb2', 'starter')).toBeUndefined();
  edits.write('nb', 'starter', undefined);
  edits.write('nb', 'other', undefined);
  expect(storage.items.has(editsKey('nb'))).toBe(false);
  storage.setItem(editsKey('nb'), '{ broken');
  expect(edits.read('nb', 'starter')).toBeUndefined();
});
