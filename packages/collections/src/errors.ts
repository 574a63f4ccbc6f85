/**
 * The errors this package throws where Python's `collections` would raise, named as a Python
 * user knows them. Each has a stable `code` so callers can branch without parsing messages, and a
 * message that says what was missing.
 *
 * Bad arguments (a negative `maxlen`, a fractional count of steps) are programming errors and
 * throw the built-in `TypeError` or `RangeError` instead, naming the argument.
 */

/** Base class of the errors this package throws; `instanceof CollectionsError` catches all three. */
export class CollectionsError extends Error {
  /** A stable machine-readable code: `ERR_INDEX`, `ERR_KEY` or `ERR_VALUE`. */
  readonly code: string;

  /**
   * @param code - the stable code.
   * @param message - what was missing, in a sentence fragment.
   */
  constructor(code: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

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
export class IndexError extends CollectionsError {
  /** @param message - what was out of range or empty. */
  constructor(message: string) {
    super('ERR_INDEX', message);
  }
}

/**
 * A key is not where it must be: `ChainMap#delete` of a key missing from `maps[0]`,
 * `OrderedDict#moveToEnd` of a missing key, `popItem` of an empty dict. Python's `KeyError`.
 */
export class KeyError extends CollectionsError {
  /** The key that was missing (`undefined` when the container was empty). */
  readonly key: unknown;

  /**
   * @param key - the missing key.
   * @param message - what was missing, naming the key.
   */
  constructor(key: unknown, message: string) {
    super('ERR_KEY', message);
    this.key = key;
  }
}

/**
 * A value is not in a container that must hold it: `Deque#remove` and `Deque#index` of a value
 * that is not there, `enumValue` of a value that is no member. Python's `ValueError`.
 */
export class ValueError extends CollectionsError {
  /** The value at fault. */
  readonly value: unknown;

  /**
   * @param value - the value at fault.
   * @param message - what was wrong, naming the value.
   */
  constructor(value: unknown, message: string) {
    super('ERR_VALUE', message);
    this.value = value;
  }
}
