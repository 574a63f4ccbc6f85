/**
 * The errors this package throws where Python's `collections` would raise, named as a Python
 * user knows them. Each has a stable `code` so callers can branch without parsing messages, and a
 * message that says what was missing.
 *
 * Bad arguments (a negative `maxlen`, a fractional count of steps) are programming errors and
 * throw the built-in `TypeError` or `RangeError` instead, naming the argument.
 */

import { CodedError, coded } from '@scalable-ts/base';

/** The stable codes of this package's errors, one per class. */
export type CollectionsErrorCode = 'ERR_INDEX' | 'ERR_KEY' | 'ERR_VALUE';

/** Base class of the errors this package throws; `instanceof CollectionsError` catches all three. */
export abstract class CollectionsError extends CodedError<CollectionsErrorCode> {}

/**
 * A position is out of range, or there is nothing to take: popping an empty `Deque`, inserting
 * into a full bounded one. Python's `IndexError`.
 *
 * @example
 * ```ts
 * try {
 *   new Deque<number>().popLeft();
 * } catch (error) {
 *   if (error instanceof IndexError) console.log(error.message); // "pop from an empty deque"
 * }
 * ```
 */
export class IndexError extends coded(CollectionsError, 'ERR_INDEX') {
  /** @param message - what was out of range or empty. */
  constructor(message: string) {
    super(message);
  }
}

/**
 * A key is not where it must be: `ChainMap#delete` of a key missing from `maps[0]`,
 * `OrderedDict#moveToEnd` of a missing key, `popItem` of an empty dict. Python's `KeyError`.
 */
export class KeyError extends coded(CollectionsError, 'ERR_KEY') {
  /** The key that was missing (`undefined` when the container was empty). */
  readonly key: unknown;

  /**
   * @param key - the missing key.
   * @param message - what was missing, naming the key.
   */
  constructor(key: unknown, message: string) {
    super(message);
    this.key = key;
  }
}

/**
 * A value is not in a container that must hold it: `Deque#remove` and `Deque#index` of a value
 * that is not there, `enumValue` of a value that is no member. Python's `ValueError`.
 */
export class ValueError extends coded(CollectionsError, 'ERR_VALUE') {
  /** The value at fault. */
  readonly value: unknown;

  /**
   * @param value - the value at fault.
   * @param message - what was wrong, naming the value.
   */
  constructor(value: unknown, message: string) {
    super(message);
    this.value = value;
  }
}
