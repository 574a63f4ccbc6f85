/**
 * How the collections print. Every class prints like Node prints its own `Map` and `Array`:
 * `Deque(3) [ 1, 2, 3 ]`, `Counter(1) { 'a' => 2 }`.
 *
 * Two paths lead here. Node's `util.inspect` (the REPL, `console.log`, the notebook kernel) calls
 * the method keyed by `Symbol.for('nodejs.util.inspect.custom')` and passes its own `inspect`,
 * so this package never imports `node:util` and runs anywhere; we hand it a plain array or `Map`
 * to print after our label, and it applies colours, depth and line breaking. `toString()` has no
 * such helper, so `repr` below renders values the same way in plain text, to a small depth.
 */

/** The options Node's `util.inspect` passes to a custom inspect method (the part used here). */
export interface InspectOptions {
  depth?: number | null;
  stylize?: (text: string, styleType: string) => string;
  [option: string]: unknown;
}

/** Node's `util.inspect`, as passed to a custom inspect method. */
export type Inspect = (value: unknown, options?: InspectOptions) => string;

/** The key Node's `util.inspect` looks up (the same symbol as `util.inspect.custom`). */
export const inspectCustom: unique symbol = Symbol.for('nodejs.util.inspect.custom');

/** How many items `toString` shows before `... n more items`, as `util.inspect` does. */
const MAX_ITEMS = 100;

/**
 * `label [ a, b ]` through Node's inspect, e.g. `Deque(2) [ 1, 2 ]`.
 *
 * @param label - what the value is, e.g. `Deque(2)`.
 * @param items - the items to print, in order.
 * @param depth - the depth Node passed to the custom inspect method (how deep it may still go).
 * @param options - the options Node passed.
 * @param inspect - the `inspect` Node passed.
 */
export function inspectList(label: string, items: unknown[], depth: number | null, options: InspectOptions, inspect: Inspect): string {
  if (depth !== null && depth < 0) return stylized(`[${label}]`, options);
  return `${label} ${inspect(items, { ...options, depth })}`;
}

/**
 * `label { k => v }` through Node's inspect, e.g. `Counter(1) { 'a' => 2 }`.
 *
 * @param label - what the value is, e.g. `Counter(1)`.
 * @param entries - the entries to print, in order.
 * @param depth - the depth Node passed to the custom inspect method.
 * @param options - the options Node passed.
 * @param inspect - the `inspect` Node passed.
 */
export function inspectEntries(
  label: string,
  entries: Iterable<readonly [unknown, unknown]>,
  depth: number | null,
  options: InspectOptions,
  inspect: Inspect,
): string {
  if (depth !== null && depth < 0) return stylized(`[${label}]`, options);
  return `${label} ${inspect(new Map(entries), { ...options, depth }).replace(/^Map\(\d+\) /, '')}`;
}

/** `label [ a, b ]` in plain text, for `toString`. */
export function listText(label: string, items: Iterable<unknown>, depth = 1): string {
  return `${label} ${bracket('[', mapLimited(items, (item) => repr(item, depth)), ']')}`;
}

/** `label { k => v }` in plain text, for `toString`. */
export function entriesText(label: string, entries: Iterable<readonly [unknown, unknown]>, depth = 1): string {
  const parts = mapLimited(entries, ([key, value]) => `${repr(key, depth)} => ${repr(value, depth)}`);
  return `${label} ${bracket('{', parts, '}')}`;
}

/**
 * A value as `util.inspect` would show it without colours, to `depth` levels of nesting:
 * strings quoted, arrays, `Map`s, `Set`s and plain objects spelled out, anything with its own
 * `toString` (a `Date`, an error, these collections) through it.
 */
export function repr(value: unknown, depth = 1): string {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return value.toString();
    case 'function':
      return `[Function: ${value.name || '(anonymous)'}]`;
    case 'object':
      return value === null ? 'null' : reprObject(value, depth);
    default:
      return Object.is(value, -0) ? '-0' : String(value);
  }
}

function reprObject(value: object, depth: number): string {
  const tooDeep = depth < 0;
  if (Array.isArray(value)) return tooDeep ? '[Array]' : bracket('[', mapLimited(value, (item) => repr(item, depth - 1)), ']');
  if (value.toString !== Object.prototype.toString && typeof value.toString === 'function') return String(value);
  if (value instanceof Map) return tooDeep ? '[Map]' : entriesText(`Map(${value.size})`, value, depth - 1);
  if (value instanceof Set) return tooDeep ? '[Set]' : `Set(${value.size}) ${bracket('{', mapLimited(value, (item) => repr(item, depth - 1)), '}')}`;
  if (tooDeep) return '[Object]';
  const parts = Object.entries(value).map(([key, item]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key)}: ${repr(item, depth - 1)}`);
  return bracket('{', parts, '}');
}

/** Quotes as util.inspect does: single quotes, or double quotes if the text has a single one. */
function quote(text: string): string {
  const escaped = JSON.stringify(text).slice(1, -1);
  if (!text.includes("'")) return `'${escaped.replaceAll('\\"', '"')}'`;
  if (!text.includes('"')) return `"${escaped}"`;
  return `'${escaped.replaceAll('\\"', '"').replaceAll("'", "\\'")}'`;
}

function stylized(text: string, options: InspectOptions): string {
  return options.stylize ? options.stylize(text, 'special') : text;
}

function bracket(open: string, parts: string[], close: string): string {
  return parts.length === 0 ? `${open}${close}` : `${open} ${parts.join(', ')} ${close}`;
}

/** The first `MAX_ITEMS` items, formatted, then `... n more items` if there are more. */
function mapLimited<T>(items: Iterable<T>, format: (item: T) => string): string[] {
  const parts: string[] = [];
  let more = 0;
  for (const item of items) {
    if (parts.length < MAX_ITEMS) parts.push(format(item));
    else more += 1;
  }
  if (more > 0) parts.push(`... ${more} more item${more === 1 ? '' : 's'}`);
  return parts;
}
