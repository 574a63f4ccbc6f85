import { expect, test } from 'vitest';
import { ProgressStore, progressKey, progressLabel } from './progress.js';

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
