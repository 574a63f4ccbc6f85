import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ChainMap } from './chain-map.js';
import { IndexError, KeyError } from './errors.js';

const layers = () => {
  const adjustments = new Map([
    ['art', 'van gogh'],
    ['opera', 'carmen'],
  ]);
  const baseline = new Map([
    ['music', 'bach'],
    ['art', 'rembrandt'],
  ]);
  return { adjustments, baseline, chain: new ChainMap(adjustments, baseline) };
};

describe('ChainMap: lookups', () => {
  it('searches the maps in order', () => {
    const { chain } = layers();
    expect(chain.get('art')).toBe('van gogh');
    expect(chain.get('music')).toBe('bach');
    expect(chain.get('nothing')).toBeUndefined();
    expect(chain.has('opera')).toBe(true);
    expect(chain.has('nothing')).toBe(false);
  });

  it('finds a key whose value is undefined in an earlier map', () => {
    const chain = new ChainMap(new Map([['a', undefined]]), new Map<string, number | undefined>([['a', 1]]));
    expect(chain.get('a')).toBeUndefined();
    expect(chain.has('a')).toBe(true);
  });

  it('sees changes to the underlying maps at once (nothing is copied)', () => {
    const { baseline, chain } = layers();
    baseline.set('dance', 'tango');
    expect(chain.get('dance')).toBe('tango');
  });

  it('iterates each key once, in Python’s order (deepest map first)', () => {
    const { chain } = layers();
    expect([...chain.keys()]).toEqual(['music', 'art', 'opera']);
    expect([...chain.values()]).toEqual(['bach', 'van gogh', 'carmen']);
    expect([...chain]).toEqual([
      ['music', 'bach'],
      ['art', 'van gogh'],
      ['opera', 'carmen'],
    ]);
    expect([...chain.entries()]).toEqual([...chain]);
    expect(chain.size).toBe(3);
    const seen: string[] = [];
    chain.forEach((value, key, self) => {
      expect(self).toBe(chain);
      seen.push(`${key}=${value}`);
    });
    expect(seen).toEqual(['music=bach', 'art=van gogh', 'opera=carmen']);
    expect(new Map(chain).get('art')).toBe('van gogh');
  });
});

describe('ChainMap: writes touch only maps[0]', () => {
  it('set writes to the first map', () => {
    const { adjustments, baseline, chain } = layers();
    expect(chain.set('music', 'mozart')).toBe(chain);
    expect(adjustments.get('music')).toBe('mozart');
    expect(baseline.get('music')).toBe('bach');
    expect(chain.get('music')).toBe('mozart');
  });

  it('delete removes from the first map, revealing a deeper value', () => {
    const { adjustments, chain } = layers();
    chain.delete('art');
    expect(adjustments.has('art')).toBe(false);
    expect(chain.get('art')).toBe('rembrandt');
  });

  it('delete of a key not in the first map throws KeyError, even if a later map has it', () => {
    const { chain } = layers();
    expect(() => chain.delete('music')).toThrow(new KeyError('music', "Key not found in the first mapping: 'music'"));
    expect(() => chain.delete('nothing')).toThrow(KeyError);
    expect(chain.get('music')).toBe('bach');
  });

  it('clear empties the first map only', () => {
    const { adjustments, baseline, chain } = layers();
    chain.clear();
    expect(adjustments.size).toBe(0);
    expect(baseline.size).toBe(2);
    expect([...chain.keys()]).toEqual(['music', 'art']);
  });

  it('throws IndexError if its maps list was emptied', () => {
    const { chain } = layers();
    chain.maps.length = 0;
    expect(() => chain.set('a', 'b')).toThrow(IndexError);
    expect(chain.get('a')).toBeUndefined();
  });
});

describe('ChainMap: maps, newChild, parents', () => {
  it('has one empty map when built with none', () => {
    const chain = new ChainMap<string, number>();
    expect(chain.maps).toHaveLength(1);
    chain.set('a', 1);
    expect(chain.maps[0]?.get('a')).toBe(1);
  });

  it('exposes the live list of maps', () => {
    const { chain } = layers();
    chain.maps.push(new Map([['extra', 'x']]));
    expect(chain.get('extra')).toBe('x');
  });

  it('newChild puts a new (or given) map in front, sharing the others', () => {
    const { chain, adjustments } = layers();
    const child = chain.newChild();
    child.set('art', 'monet');
    expect(child.get('art')).toBe('monet');
    expect(chain.get('art')).toBe('van gogh');
    expect(child.maps[1]).toBe(adjustments);
    const given = new Map([['music', 'glass']]);
    expect(chain.newChild(given).maps[0]).toBe(given);
  });

  it('parents skips the first map; the parents of a one-map chain has one empty map', () => {
    const { chain, baseline } = layers();
    expect(chain.parents.maps).toEqual([baseline]);
    expect(chain.parents.get('art')).toBe('rembrandt');
    expect(chain.parents.parents.maps).toEqual([new Map()]);
  });
});

describe('ChainMap: printing', () => {
  it('shows its maps, in order', () => {
    const chain = new ChainMap(new Map([['port', 9000]]), new Map([['port', 8080]]));
    expect(String(chain)).toBe("ChainMap(2 maps) [ Map(1) { 'port' => 9000 }, Map(1) { 'port' => 8080 } ]");
    expect(inspect(chain)).toBe("ChainMap(2 maps) [ Map(1) { 'port' => 9000 }, Map(1) { 'port' => 8080 } ]");
    expect(String(new ChainMap())).toBe('ChainMap(1 map) [ Map(0) {} ]');
  });
});
