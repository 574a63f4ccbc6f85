import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPartState, PartStateStore, type PartState } from './part-state.js';
import { useFixtures } from './test-support/temp.js';

const fixtures = useFixtures();
const state = (done: PartState['done']): PartState => ({ version: 1, url: 'http://x/f', size: 100, etag: '"e"', lastModified: null, done });

describe('part state', () => {
  it('saves atomically and loads back; no .tmp is left', async () => {
    const dir = await fixtures.tempDir();
    const path = join(dir, 'f.part.json');
    let current = state([[0, 10]]);
    const store = new PartStateStore(path, 0, () => current);
    store.touch();
    current = state([[0, 20], [50, 60]]);
    store.touch();
    await store.flush();
    expect(await loadPartState(path)).toEqual(current);
    expect(await fixtures.list(dir)).toEqual(['f.part.json']);
    await store.remove();
    expect(await fixtures.list(dir)).toEqual([]);
    expect(await loadPartState(path)).toBeUndefined();
  });

  it('throttles: many touches within the interval make at most two saves', async () => {
    const dir = await fixtures.tempDir();
    let snapshots = 0;
    const store = new PartStateStore(join(dir, 's.json'), 10_000, () => {
      snapshots++;
      return state([]);
    });
    for (let i = 0; i < 100; i++) store.touch();
    await store.flush();
    expect(snapshots).toBe(2); // the first touch saves at once; the rest wait for the interval, or flush()
    await store.close();
  });

  it('rejects invalid states, so a damaged file means starting over', async () => {
    const dir = await fixtures.tempDir();
    const path = join(dir, 'bad.json');
    for (const text of [
      'not json',
      '{}',
      JSON.stringify({ ...state([]), version: 2 }),
      JSON.stringify(state([[10, 5]])),
      JSON.stringify(state([[0, 10], [5, 20]])),
      JSON.stringify(state([[0, 101]])),
      JSON.stringify({ ...state([]), size: -1 }),
    ]) {
      await writeFile(path, text);
      expect(await loadPartState(path)).toBeUndefined();
    }
    await writeFile(path, JSON.stringify({ ...state([[0, 5]]), size: null }));
    expect((await loadPartState(path))?.size).toBeNull();
  });

  it('reports a failed save on the next flush', async () => {
    const dir = await fixtures.tempDir();
    const store = new PartStateStore(join(dir, 'missing-dir', 's.json'), 0, () => state([]));
    store.touch();
    await expect(store.flush()).rejects.toMatchObject({ code: 'ENOENT' });
    await store.close();
  });
});
