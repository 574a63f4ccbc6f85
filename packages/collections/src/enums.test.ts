import { describe, expect, it } from 'vitest';
import { defineEnum, defineFlags, enumEntries, enumValue, isEnumValue, unique } from './enums.js';
import { ValueError } from './errors.js';

enum Level {
  Low,
  High,
}
enum Direction {
  Up = 'UP',
  Down = 'DOWN',
}
enum Mixed {
  No = 0,
  Yes = 'YES',
}

describe('defineEnum (StrEnum with auto())', () => {
  it('makes a frozen object whose values are the names', () => {
    const Color = defineEnum('Red', 'Green');
    expect(Color).toEqual({ Red: 'Red', Green: 'Green' });
    expect(Object.isFrozen(Color)).toBe(true);
  });

  it('rejects a repeated name', () => {
    expect(() => defineEnum('A', 'B', 'A')).toThrow(new ValueError('A', 'duplicate names: A'));
  });
});

describe('defineFlags (Flag with auto())', () => {
  it('numbers the flags 1, 2, 4, … so they combine with | and test with &', () => {
    const Perm = defineFlags('Read', 'Write', 'Execute');
    expect(Perm).toEqual({ Read: 1, Write: 2, Execute: 4 });
    const mine = Perm.Read | Perm.Execute;
    expect(mine & Perm.Execute).not.toBe(0);
    expect(mine & Perm.Write).toBe(0);
    expect(Object.isFrozen(Perm)).toBe(true);
  });

  it('allows 31 flags (the last is 2 ** 30) and rejects more, and repeated names', () => {
    const names = Array.from({ length: 31 }, (_, i) => `F${i}`);
    expect(Object.values(defineFlags(...names)).at(-1)).toBe(2 ** 30);
    expect(() => defineFlags(...names, 'F31')).toThrow(new RangeError('defineFlags takes at most 31 names, got 32'));
    expect(() => defineFlags('A', 'A')).toThrow(ValueError);
  });
});

describe('enumEntries (list(Color))', () => {
  it('lists a numeric TS enum without its reverse mappings', () => {
    expect(Object.entries(Level)).toHaveLength(4);
    expect(enumEntries(Level)).toEqual([
      ['Low', 0],
      ['High', 1],
    ]);
  });

  it('lists string and mixed enums and as-const objects as they are', () => {
    expect(enumEntries(Direction)).toEqual([
      ['Up', 'UP'],
      ['Down', 'DOWN'],
    ]);
    expect(enumEntries(Mixed)).toEqual([
      ['No', 0],
      ['Yes', 'YES'],
    ]);
    expect(enumEntries({ A: 'x', B: 2 } as const)).toEqual([
      ['A', 'x'],
      ['B', 2],
    ]);
  });

  it('keeps a string member that only looks like a reverse mapping', () => {
    expect(enumEntries({ 1: 'One', One: 'uno' } as const)).toEqual([
      ['1', 'One'],
      ['One', 'uno'],
    ]);
  });
});

describe('isEnumValue and enumValue (Color(value))', () => {
  it('accepts a member value and narrows its type', () => {
    const raw: unknown = 'UP';
    expect(isEnumValue(Direction, raw)).toBe(true);
    if (isEnumValue(Direction, raw)) {
      const direction: Direction = raw;
      expect(direction).toBe(Direction.Up);
    }
    expect(enumValue(Level, 1)).toBe(Level.High);
  });

  it('rejects names, reverse-mapping strings and anything else', () => {
    expect(isEnumValue(Direction, 'Up')).toBe(false);
    expect(isEnumValue(Level, 'Low')).toBe(false);
    expect(isEnumValue(Level, 2)).toBe(false);
    expect(() => enumValue(Direction, 'LEFT', 'Direction')).toThrow(new ValueError('LEFT', "'LEFT' is not a valid Direction"));
    expect(() => enumValue(Level, '1')).toThrow("'1' is not a valid member");
  });
});

describe('unique (@unique)', () => {
  it('returns the object when every value is distinct', () => {
    const Status = { Active: 1, Disabled: 2 } as const;
    expect(unique(Status)).toBe(Status);
    expect(unique(Level)).toBe(Level);
  });

  it('names each alias and the member it repeats', () => {
    expect(() => unique({ Active: 1, Disabled: 2, Deleted: 2, Gone: 2 } as const)).toThrow(
      'duplicate values found: Deleted -> Disabled, Gone -> Disabled',
    );
    enum Twice {
      A = 1,
      B = 1,
    }
    expect(() => unique(Twice)).toThrow(ValueError);
  });
});
