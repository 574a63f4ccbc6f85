/**
 * nbval's sanitize files (`pytest --nbval --sanitize-with FILE`), so a project moving from nbval
 * keeps its file:
 *
 * ```ini
 * [Dates]
 * regex: \d{4}-\d{2}-\d{2}
 * replace: <date>
 *
 * [Object ids]
 * regex: (<\w+ id=)([0-9a-f]{8})(>)
 * replace: \1<id>\3
 * ```
 *
 * How nbval reads it: not with configparser but with one regular expression,
 * `^regex: (.*)$\n^replace: (.*)$`, so a `regex:` line pairs with the `replace:` line right after
 * it, a section may hold several pairs, section names are only labels, and the pairs go into an
 * ordered dict keyed by pattern (a repeated pattern keeps its first place and its last
 * replacement). Patterns and replacements are Python `re` syntax, translated here to JavaScript
 * (see `python-regex.ts`).
 *
 * Where this is stricter than nbval, which skips what its expression does not match: a `regex:`
 * line without a `replace:` line right after it, a stray `replace:`, or any other line that is
 * not blank, a comment (`#`, `;`) or a `[section]` header is an error, so a typo cannot silently
 * drop a sanitizer.
 */
import { SanitizerError } from './errors.js';
import { translatePythonPattern, translatePythonReplacement } from './python-regex.js';
import { compilePattern, type Sanitizer } from './sanitize.js';

const REGEX_LINE = /^regex:\s?(.*)$/;
const REPLACE_LINE = /^replace:\s?(.*)$/;
const SECTION_LINE = /^\[(.*)\]\s*$/;

/**
 * Read an nbval sanitize file.
 *
 * @param text - the file contents.
 * @param path - the file name, for messages.
 * @returns the sanitizers, in file order, translated to JavaScript regular expressions.
 * @throws {@link SanitizerError} naming `path`, the section and the pattern or line at fault.
 *
 * @example
 * ```ts
 * const sanitizers = parseNbvalSanitizeFile('[dates]\nregex: \\d{4}-\\d\\d-\\d\\d\nreplace: DATE\n', 'sanitize.cfg');
 * sanitize('on 2024-05-01', sanitizers); // 'on DATE'
 * ```
 */
export function parseNbvalSanitizeFile(text: string, path: string): Sanitizer[] {
  const lines = text.split(/\r?\n/);
  const pairs = new Map<string, { replace: string; section: string | undefined; line: number }>();
  let section: string | undefined;
  const where = (line: number): string => (section === undefined ? `line ${line}` : `[${section}] line ${line}`);
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    const header = SECTION_LINE.exec(trimmed);
    if (header) {
      section = header[1]!.trim();
      continue;
    }
    const regex = REGEX_LINE.exec(line)?.[1];
    if (regex === undefined) {
      const problem = REPLACE_LINE.test(line)
        ? '"replace:" without a "regex:" line right before it'
        : `expected "regex: <pattern>", "replace: <text>", a [section] or a comment, got ${JSON.stringify(line)}`;
      throw new SanitizerError(path, where(i + 1), undefined, problem);
    }
    const replace = REPLACE_LINE.exec(lines[i + 1] ?? '')?.[1];
    if (replace === undefined) {
      throw new SanitizerError(
        path,
        where(i + 1),
        regex,
        `"regex: ${regex}" must be followed directly by a "replace:" line (nbval pairs them line by line)`,
      );
    }
    const previous = pairs.get(regex);
    pairs.set(regex, { replace, section: previous?.section ?? section, line: previous?.line ?? i + 1 });
    i += 1;
  }
  return [...pairs].map(([pattern, { replace, section: name, line }]) => {
    const label = name === undefined ? `line ${line}` : `[${name}]`;
    let translated;
    let replacement;
    try {
      translated = translatePythonPattern(pattern);
      replacement = translatePythonReplacement(replace);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new SanitizerError(path, label, pattern, `cannot use ${JSON.stringify(pattern)}: ${reason}`, {
        cause: error,
      });
    }
    return { regex: compilePattern(translated.source, translated.flags, path, label, pattern), replace: replacement };
  });
}
