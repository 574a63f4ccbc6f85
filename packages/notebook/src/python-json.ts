/**
 * JSON text exactly as Python's `json.dumps(value, sort_keys=True, indent=1,
 * separators=(',', ': '), ensure_ascii=False)` writes it, which is how Jupyter saves notebooks.
 *
 * Where JavaScript's `JSON.stringify(value, null, 1)` differs, and what this does instead:
 * - keys are sorted, by Unicode code point (Python compares `str` by code point; a plain JS
 *   sort compares UTF-16 code units, which orders astral characters differently);
 * - non-integer numbers use Python's `repr`: exponent form below 1e-4 with a two-digit
 *   exponent (`1e-05`, not `1e-7`-style `0.0000001`), the same shortest digits otherwise.
 *   Integral numbers are written as integers (after `JSON.parse`, `2.0` and `2` are the same
 *   number, and integers are what notebooks hold); from 1e16 on they take Python's float form,
 *   since such a number was never an exact integer once JavaScript parsed it;
 * - NaN and Infinity are refused (Python would write non-JSON `NaN`).
 * Strings need nothing: with `ensure_ascii=False` Python escapes exactly what `JSON.stringify`
 * escapes (`"`, `\`, control characters as `\n`-style or lowercase `\u00XX`).
 */

/** Compare two strings by Unicode code point, as Python orders `str`. */
export function compareCodePoints(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(j)!;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  return a.length - i - (b.length - j);
}

/**
 * A number as Python's `json.dumps` writes it (see the module comment for integral numbers).
 *
 * @throws TypeError for NaN and ±Infinity.
 */
export function pythonNumber(value: number, where = '/'): string {
  if (!Number.isFinite(value)) throw new TypeError(`Cannot write ${value} at ${where}: JSON has no such number`);
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return String(value === 0 ? 0 : value);
  // Shortest round-trip digits, then Python's choice: fixed for 1e-4 <= |x| < 1e16.
  const [mantissa = '', exponent = '0'] = value.toExponential().split('e');
  const exp = Number(exponent);
  if (exp >= -4 && exp < 16) return String(value);
  const sign = exp < 0 ? '-' : '+';
  return `${mantissa}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/**
 * Serialize a JSON value as Python's `json.dumps(..., sort_keys=True, indent=1,
 * ensure_ascii=False)` does. Object keys whose value is `undefined` are left out and `undefined`
 * array items become `null`, as with `JSON.stringify`.
 *
 * @throws TypeError for values JSON cannot hold (NaN, functions, bigint, symbols), naming the
 * JSON pointer where they sit.
 */
export function pythonJson(value: unknown): string {
  return write(value, '', '');
}

const pointer = (where: string, key: string | number): string =>
  `${where}/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;

function write(value: unknown, indent: string, where: string): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return pythonNumber(value, where || '/');
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      throw new TypeError(`Cannot write a ${typeof value} at ${where || '/'} as JSON`);
  }
  const inner = `${indent} `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item: unknown, i) => `${inner}${write(item, inner, pointer(where, i))}`);
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort(compareCodePoints);
  if (keys.length === 0) return '{}';
  const entries = keys.map(
    (key) => `${inner}${JSON.stringify(key)}: ${write(record[key], inner, pointer(where, key))}`,
  );
  return `{\n${entries.join(',\n')}\n${indent}}`;
}
