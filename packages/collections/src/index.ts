/**
 * `@scalable-ts/collections`: Python's `collections` module for TypeScript, faithful to Python's
 * semantics where a Python user relies on them and idiomatic TypeScript everywhere else.
 *
 * @example
 * ```ts
 * import { Counter, Deque } from '@scalable-ts/collections';
 *
 * const recent = new Deque<string>([], 3); // keeps the last 3
 * for (const word of 'to be or not to be'.split(' ')) recent.append(word);
 * recent; // Deque(3, maxlen 3) [ 'not', 'to', 'be' ]
 * new Counter('to be or not to be'.split(' ')).mostCommon(2); // [ [ 'to', 2 ], [ 'be', 2 ] ]
 * ```
 */
export { Deque } from './deque.js';
export { Counter, type CountObject, type CountSource } from './counter.js';
export { ChainMap } from './chain-map.js';
export { DefaultDict } from './default-dict.js';
export { OrderedDict } from './ordered-dict.js';
export { LRUCache } from './lru-cache.js';
export { defineEnum, defineFlags, enumEntries, enumValue, isEnumValue, unique, type EnumLike, type ValueOf } from './enums.js';
export { CollectionsError, IndexError, KeyError, ValueError, type CollectionsErrorCode } from './errors.js';
