/**
 * Translating the Python `re` syntax of nbval sanitize files into JavaScript `RegExp` syntax.
 *
 * The two dialects agree on most of what sanitizers use (`\d`, classes, groups, quantifiers).
 * What differs, and is translated:
 *
 * | Python                       | JavaScript                                  |
 * | ---------------------------- | ------------------------------------------- |
 * | `(?P<name>…)`, `(?P=name)`   | `(?<name>…)`, `\k<name>`                    |
 * | leading `(?i)`, `(?m)`, `(?s)` | flags `i`, `m`, `s`                        |
 * | `\A`, `\Z`                   | `(?<![\s\S])`, `(?![\s\S])`                 |
 * | `$` without `(?m)`: end, or before a final `\n` | `(?=\n?$)`               |
 * | `[]…]` (`]` first is literal) | `[\]…]`                                    |
 * | replacement `\1`, `\g<1>`, `\g<name>`, `\g<0>` | `$1`, `$1`, `$<name>`, `$&` |
 * | replacement `\n`, `\t`, `\\`, a literal `$`    | newline, tab, `\`, `$$`     |
 *
 * Anything else Python-only (verbose mode, conditionals, atomic groups) is left as it is, and
 * `new RegExp` then reports it as a syntax error.
 */

/** A translated pattern. */
export interface TranslatedPattern {
  /** JavaScript pattern source. */
  source: string;
  /** JavaScript flags from a leading inline-flag group (without `g`). */
  flags: string;
}

/**
 * Translate a Python `re` pattern to JavaScript.
 *
 * @throws Error saying what cannot be translated (inline flags JavaScript has no equivalent of).
 */
export function translatePythonPattern(pattern: string): TranslatedPattern {
  let flags = '';
  let rest = pattern;
  const inline = /^\(\?([aiLmsux]+)\)/.exec(pattern);
  if (inline) {
    for (const flag of new Set(inline[1])) {
      if (flag === 'x') throw new Error('verbose mode (?x) has no JavaScript equivalent');
      if (flag === 'L') throw new Error('locale mode (?L) has no JavaScript equivalent');
      if ('ims'.includes(flag)) flags += flag;
    }
    rest = pattern.slice(inline[0].length);
  }
  const multiline = flags.includes('m');
  let out = '';
  let i = 0;
  while (i < rest.length) {
    const c = rest[i]!;
    if (c === '\\') {
      const next = rest[i + 1];
      if (next === 'A') out += '(?<![\\s\\S])';
      else if (next === 'Z') out += '(?![\\s\\S])';
      else out += rest.slice(i, i + 2);
      i += 2;
    } else if (c === '[') {
      const end = classEnd(rest, i);
      let body = rest.slice(i + 1, end);
      const negated = body.startsWith('^');
      if (negated) body = body.slice(1);
      if (body.startsWith(']')) body = `\\${body}`;
      out += `[${negated ? '^' : ''}${body}]`;
      i = end + 1;
    } else if (rest.startsWith('(?P<', i)) {
      out += '(?<';
      i += 4;
    } else if (rest.startsWith('(?P=', i)) {
      const close = rest.indexOf(')', i);
      if (close < 0) throw new Error('unterminated (?P=name) group');
      out += `\\k<${rest.slice(i + 4, close)}>`;
      i = close + 1;
    } else if (c === '$' && !multiline) {
      out += '(?=\\n?$)';
      i += 1;
    } else {
      out += c;
      i += 1;
    }
  }
  return { source: out, flags };
}

/** The index of the `]` closing the class opened at `start` (a leading `]` is literal). */
function classEnd(pattern: string, start: number): number {
  let i = start + 1;
  if (pattern[i] === '^') i += 1;
  if (pattern[i] === ']') i += 1;
  while (i < pattern.length) {
    if (pattern[i] === '\\') i += 2;
    else if (pattern[i] === ']') return i;
    else i += 1;
  }
  throw new Error('unterminated character set');
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  n: '\n',
  t: '\t',
  r: '\r',
  f: '\f',
  v: '\v',
  a: '\x07',
  b: '\b',
};

/**
 * Translate a Python `re.sub` replacement template to a JavaScript replacement string.
 *
 * @throws Error for escapes Python itself rejects (`\q`, a trailing `\`).
 */
export function translatePythonReplacement(template: string): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const c = template[i]!;
    if (c === '$') {
      out += '$$';
      i += 1;
      continue;
    }
    if (c !== '\\') {
      out += c;
      i += 1;
      continue;
    }
    const next = template[i + 1];
    if (next === undefined) throw new Error('bad escape (end of replacement)');
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      out += simple;
      i += 2;
    } else if (next === 'g') {
      const group = /^\\g<([^>]+)>/.exec(template.slice(i));
      if (!group) throw new Error(`missing <group name> after \\g in ${JSON.stringify(template)}`);
      const name = group[1]!;
      out += name === '0' ? '$&' : /^\d+$/.test(name) ? `$${Number(name)}` : `$<${name}>`;
      i += group[0].length;
    } else if (next === '0' || /^[0-7]{3}/.test(template.slice(i + 1))) {
      const octal = /^[0-7]{1,3}/.exec(template.slice(i + 1))![0];
      out += String.fromCharCode(Number.parseInt(octal, 8));
      i += 1 + octal.length;
    } else if (/\d/.test(next)) {
      const digits = /^\d{1,2}/.exec(template.slice(i + 1))![0];
      out += `$${digits}`;
      i += 1 + digits.length;
    } else if (/[A-Za-z]/.test(next)) {
      throw new Error(`bad escape \\${next} in ${JSON.stringify(template)}`);
    } else {
      out += `\\${next}`;
      i += 2;
    }
  }
  return out;
}
