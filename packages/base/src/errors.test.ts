import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import { CodedError, coded } from './errors.js';

type ShelfErrorCode = 'ERR_SHELF' | 'ERR_SHELF_FULL' | 'ERR_SHELF_WORN' | 'ERR_SHELF_TORN' | `ERR_SHELF_${'A' | 'B'}`;

class ShelfError extends CodedError<ShelfErrorCode> {
  static readonly code: ShelfErrorCode = 'ERR_SHELF';
}

class ShelfFullError extends coded(ShelfError, 'ERR_SHELF_FULL') {
  readonly size: number;
  constructor(size: number, options?: { cause?: unknown }) {
    super(`the shelf is full (${size} books)`, options);
    this.size = size;
  }
}

class ShelfLetterError extends ShelfError {
  constructor(letter: 'A' | 'B') {
    super(`shelf ${letter}`, undefined, `ERR_SHELF_${letter}`);
  }
}

class DamagedError extends coded(ShelfError, 'ERR_SHELF_WORN' as 'ERR_SHELF_WORN' | 'ERR_SHELF_TORN') {}
class TornError extends coded(DamagedError, 'ERR_SHELF_TORN') {}

abstract class Uncoded extends CodedError<'ERR_X'> {}
class Forgetful extends Uncoded {}

describe('CodedError and coded()', () => {
  test('the instance carries the static code of its own class, and its name', () => {
    const error = new ShelfFullError(3);
    expect(error.code).toBe('ERR_SHELF_FULL');
    expect(ShelfFullError.code).toBe('ERR_SHELF_FULL');
    expect(error.name).toBe('ShelfFullError');
    expect(error.message).toBe('the shelf is full (3 books)');
    expect(error).toBeInstanceOf(ShelfError);
    expect(error).toBeInstanceOf(Error);
    expect(new ShelfError('generic').code).toBe('ERR_SHELF');
  });

  test('a coded class can be refined by a coded class below it', () => {
    expect(new DamagedError('worn').code).toBe('ERR_SHELF_WORN');
    const torn = new TornError('torn');
    expect([torn.code, TornError.code, torn.name]).toEqual(['ERR_SHELF_TORN', 'ERR_SHELF_TORN', 'TornError']);
    expect(torn).toBeInstanceOf(DamagedError);
  });

  test('passes the cause on', () => {
    const cause = new Error('disk');
    expect(new ShelfFullError(1, { cause }).cause).toBe(cause);
  });

  test('an instance code given to the constructor wins over the static one', () => {
    expect(new ShelfLetterError('B').code).toBe('ERR_SHELF_B');
  });

  test('code is the first own property, so a printed error shows it before the fields', () => {
    const error = new ShelfFullError(3);
    expect(Object.keys(error)).toEqual(['code', 'name', 'size']);
    expect(inspect(error)).toMatch(/\{\n {2}code: 'ERR_SHELF_FULL',\n {2}size: 3\n\}$/);
  });

  test('a class without any static code is refused, naming the class', () => {
    expect(() => new Forgetful('x')).toThrow(new TypeError('Forgetful declares no static code'));
  });
});
