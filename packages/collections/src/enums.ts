/**
 * How it works
 *
 * TypeScript already has what Python's `Enum` and `namedtuple` give, in other forms: a frozen
 * `as const` object with a union type of its values, string literal unions, readonly tuples and
 * records, spread for `_replace`. These helpers fill only the gaps, each named after the Python
 * feature it stands for:
 *
 * - `defineEnum` / `defineFlags`: `auto()`. An `as const` object makes you type every value;
 *   these derive them from the names (the name itself; powers of two for flags).
 * - `unique`: `@unique`. Nothing stops two members of an object or a TS `enum` sharing a value.
 * - `enumEntries`: `list(Color)`. `Object.entries` of a numeric TS `enum` also lists its
 *   reverse mappings (`{ 0: 'Red', Red: 0 }`); this skips them.
 * - `isEnumValue` / `enumValue`: `Color(value)`. Checking untrusted input (JSON, a query string)
 *   against the members, narrowing its type.
 *
 * They work on any object of string or number values: `as const` objects, the results of
 * `defineEnum`, and TS `enum`s.
 */
import { ValueError } from './errors.js';
import { repr } from './format.js';

/** The union of an object's values: for `const Color = { Red: 'red', Blue: 'blue' } as const`, `'red' | 'blue'`. */
export type ValueOf<T> = T[keyof T];

/** An enum-like object: `as const` objects, `defineEnum` results, TS `enum`s. */
export type EnumLike = Readonly<Record<string, string | number>>;

/** The largest number of flags `defineFlags` can make (JavaScript's bitwise operators use 32-bit integers). */
const MAX_FLAGS = 31;

/**
 * An enum whose values are its names, frozen: Python's `StrEnum` with `auto()`.
 *
 * @example
 * ```ts
 * const Color = defineEnum('Red', 'Green', 'Blue'); // { Red: 'Red', Green: 'Green', Blue: 'Blue' }
 * type Color = ValueOf<typeof Color>; // 'Red' | 'Green' | 'Blue'
 * ```
 * @throws ValueError if a name is repeated.
 */
export function defineEnum<N extends string>(...names: N[]): { readonly [P in N]: P } {
  return Object.freeze(Object.fromEntries(distinct(names).map((name) => [name, name]))) as { readonly [P in N]: P };
}

/**
 * Bit flags named in order, frozen: Python's `Flag` with `auto()` (1, 2, 4, …). Combine with `|`,
 * test with `&`.
 *
 * @example
 * ```ts
 * const Perm = defineFlags('Read', 'Write', 'Execute'); // { Read: 1, Write: 2, Execute: 4 }
 * const mine = Perm.Read | Perm.Write;
 * (mine & Perm.Write) !== 0; // true
 * ```
 * @throws ValueError if a name is repeated; RangeError for more than 31 names.
 */
export function defineFlags<N extends string>(...names: N[]): { readonly [P in N]: number } {
  if (names.length > MAX_FLAGS) throw new RangeError(`defineFlags takes at most ${MAX_FLAGS} names, got ${names.length}`);
  return Object.freeze(Object.fromEntries(distinct(names).map((name, bit) => [name, 1 << bit]))) as { readonly [P in N]: number };
}

/**
 * The `[name, value]` pairs of an enum-like object, in definition order, without the reverse
 * mappings a numeric TS `enum` adds: Python's `list(Color)`.
 *
 * @example
 * ```ts
 * enum Level { Low, High }
 * Object.entries(Level); // [ [ '0', 'Low' ], [ '1', 'High' ], [ 'Low', 0 ], [ 'High', 1 ] ]
 * enumEntries(Level); // [ [ 'Low', 0 ], [ 'High', 1 ] ]
 * ```
 */
export function enumEntries<E extends EnumLike>(enumObject: E): Array<[keyof E & string, ValueOf<E>]> {
  return Object.entries(enumObject).filter(([key, value]) => !isReverseMapping(enumObject, key, value)) as Array<[keyof E & string, ValueOf<E>]>;
}

/** Whether `value` is the value of a member of `enumObject`; narrows its type. */
export function isEnumValue<E extends EnumLike>(enumObject: E, value: unknown): value is ValueOf<E> {
  return enumEntries(enumObject).some(([, member]) => member === value);
}

/**
 * `value` as a member's value of `enumObject`: Python's `Color(value)`, for checking input.
 *
 * @example
 * ```ts
 * const Color = defineEnum('Red', 'Blue');
 * enumValue(Color, 'Red', 'Color'); // 'Red', typed 'Red' | 'Blue'
 * enumValue(Color, 'purple', 'Color'); // throws ValueError: 'purple' is not a valid Color
 * ```
 * @param name - what to call the enum in the error message.
 * @throws ValueError if no member has that value.
 */
export function enumValue<E extends EnumLike>(enumObject: E, value: unknown, name = 'member'): ValueOf<E> {
  if (isEnumValue(enumObject, value)) return value;
  throw new ValueError(value, `${repr(value)} is not a valid ${name}`);
}

/**
 * `enumObject` itself, after checking that no two members share a value: Python's `@unique`.
 *
 * @example
 * ```ts
 * const Status = unique({ Active: 1, Disabled: 2, Deleted: 2 } as const);
 * // throws ValueError: duplicate values found: Deleted -> Disabled
 * ```
 * @throws ValueError naming each alias and the member it repeats.
 */
export function unique<E extends EnumLike>(enumObject: E): E {
  const firstWith = new Map<unknown, string>();
  const aliases: string[] = [];
  for (const [name, value] of enumEntries(enumObject)) {
    const first = firstWith.get(value);
    if (first === undefined) firstWith.set(value, name);
    else aliases.push(`${name} -> ${first}`);
  }
  if (aliases.length > 0) throw new ValueError(enumObject, `duplicate values found: ${aliases.join(', ')}`);
  return enumObject;
}

/** `names` as they are, unless one is repeated (an object would silently keep only one). */
function distinct<N extends string>(names: N[]): N[] {
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  if (repeated.length > 0) throw new ValueError(repeated[0], `duplicate names: ${repeated.join(', ')}`);
  return names;
}

/** A numeric TS enum's `{ 0: 'Low' }` entry, the reverse of `{ Low: 0 }`. */
function isReverseMapping(enumObject: EnumLike, key: string, value: string | number): boolean {
  return typeof value === 'string' && typeof enumObject[value] === 'number' && String(enumObject[value]) === key;
}
