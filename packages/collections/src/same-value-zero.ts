/**
 * SameValueZero, the equality of `Map` keys and `Array#includes`: `===`, except that `NaN`
 * equals `NaN`. The collections compare values with it where Python compares with `==`
 * (`Deque#remove`, `Deque#count`, `OrderedDict#equals`); objects compare by identity.
 */
export function sameValueZero(a: unknown, b: unknown): boolean {
  return a === b || (a !== a && b !== b);
}
