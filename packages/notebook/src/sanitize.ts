/**
 * Sanitizers: regular-expression replacements applied to output text before comparing it, so
 * that values which change from run to run (timings, addresses, dates) compare equal.
 *
 * Our own format is a JSON array, kept in a notebook's `metadata.scalable_ts.sanitize` or in a
 * project file:
 *
 * ```json
 * [
 *   { "regex": "\\d+(\\.\\d+)? ?ms", "replace": "<ms>", "comment": "timings" },
 *   { "regex": "0x[0-9a-f]+", "replace": "<address>", "flags": "i" }
 * ]
 * ```
 *
 * `regex` is JavaScript syntax; `replace` is a JavaScript replacement string (`$1`, `$<name>`,
 * `$&`, `$$` for a dollar sign); `flags` adds JavaScript flags (`g` is always on); `comment`
 * is for people. Any other key is an error, so a typo cannot silently disable a sanitizer.
 */
import { SanitizerError } from './errors.js';

/** One replacement: every match of `regex` becomes `replace` (a JavaScript replacement string). */
export interface Sanitizer {
  /** What to find; applied globally whether or not it has the `g` flag. */
  regex: RegExp;
  /** What to put instead, with `$1`, `$<name>`, `$&` as in `String.prototype.replace`. */
  replace: string;
}

/**
 * Apply sanitizers in order, each replacing every match.
 *
 * @param text - the text to clean.
 * @param sanitizers - the replacements, applied one after the other.
 * @returns the sanitized text.
 *
 * @example
 * ```ts
 * sanitize('took 12.5 ms', [{ regex: /\d+(\.\d+)? ?ms/, replace: '<ms>' }]); // 'took <ms>'
 * ```
 */
export function sanitize(text: string, sanitizers: readonly Sanitizer[]): string {
  let result = text;
  for (const { regex, replace } of sanitizers) {
    const global = regex.global ? regex : new RegExp(regex.source, `${regex.flags}g`);
    result = result.replace(global, replace);
  }
  return result;
}

const ALLOWED_FLAGS = /^[imsuv]*$/;
const ENTRY_KEYS = new Set(['regex', 'replace', 'flags', 'comment']);

/**
 * Compile a pattern with the `g` flag, turning a syntax error into a {@link SanitizerError}.
 *
 * @param written - the pattern as the user wrote it, for the message (if it was translated).
 * @internal
 */
export function compilePattern(
  pattern: string,
  flags: string,
  source: string,
  section: string | undefined,
  written = pattern,
): RegExp {
  try {
    return new RegExp(pattern, `${flags}g`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SanitizerError(source, section, written, `invalid regex ${JSON.stringify(written)}: ${reason}`, {
      cause: error,
    });
  }
}

/**
 * Read sanitizers in our JSON format (see the module comment).
 *
 * @param json - the parsed JSON value (e.g. `nb.metadata.scalable_ts.sanitize`), or JSON text.
 * @param source - where it came from, for messages: a file path, or e.g.
 *   `notebooks/01-queues.ipynb metadata.scalable_ts.sanitize`.
 * @returns the sanitizers, in order.
 * @throws {@link SanitizerError} naming `source`, the entry (`#1` is the first) and the
 * pattern, for malformed JSON text, a value that is not an array of entries, an unknown key, or
 * an invalid regex.
 *
 * @example
 * ```ts
 * const sanitizers = parseSanitizeConfig([{ regex: '\\d+ms', replace: '<ms>' }], 'sanitize.json');
 * ```
 */
export function parseSanitizeConfig(json: unknown, source: string): Sanitizer[] {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new SanitizerError(source, undefined, undefined, `is not valid JSON: ${reason}`, { cause: error });
    }
  }
  if (!Array.isArray(value)) {
    throw new SanitizerError(source, undefined, undefined, 'must be an array of { "regex": …, "replace": … } entries');
  }
  return value.map((entry: unknown, i) => {
    const section = `#${i + 1}`;
    const fail = (problem: string, pattern?: string): never => {
      throw new SanitizerError(source, section, pattern, problem);
    };
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      return fail('must be an object { "regex": …, "replace": … }');
    }
    const record = entry as Record<string, unknown>;
    const unknown = Object.keys(record).filter((key) => !ENTRY_KEYS.has(key));
    if (unknown.length > 0) {
      fail(`unknown key ${unknown.map((key) => JSON.stringify(key)).join(', ')} (allowed: regex, replace, flags, comment)`);
    }
    const { regex, replace, flags = '' } = record;
    if (typeof regex !== 'string' || regex === '') return fail('"regex" must be a non-empty string');
    if (typeof replace !== 'string') return fail('"replace" must be a string', regex);
    if (typeof flags !== 'string' || !ALLOWED_FLAGS.test(flags)) {
      return fail(`"flags" must be a string of i, m, s, u or v (got ${JSON.stringify(flags)})`, regex);
    }
    return { regex: compilePattern(regex, flags, source, section), replace };
  });
}
