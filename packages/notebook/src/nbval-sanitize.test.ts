import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SanitizerError } from './errors.js';
import { parseNbvalSanitizeFile } from './nbval-sanitize.js';
import { sanitize } from './sanitize.js';

// Several pairs in one section, Python group references (`\1`, `\g<1>`), a comment.
const fixture = readFileSync(new URL('./fixtures/nbval-sanitize.cfg', import.meta.url), 'utf8');

function thrown(text: string): SanitizerError {
  try {
    parseNbvalSanitizeFile(text, 'sanitize.cfg');
  } catch (error) {
    expect(error).toBeInstanceOf(SanitizerError);
    expect(error).toMatchObject({ code: 'ERR_SANITIZER', source: 'sanitize.cfg' });
    return error as SanitizerError;
  }
  throw new Error('expected a SanitizerError');
}

describe('parseNbvalSanitizeFile', () => {
  it("reads nbval's file: regex/replace pairs, several per section, in order", () => {
    const sanitizers = parseNbvalSanitizeFile(fixture, 'sanitize.cfg');
    expect(sanitizers).toHaveLength(4);
    expect(sanitize('at 2024-05-01T10:30:59.123Z took 12.5 ms: <Job id=0badc0de> on 127.0.0.1:41234', sanitizers)).toBe(
      'at <iso-date> took <ms>: <Job id=<id>> on 127.0.0.1:<port>',
    );
  });

  it('accepts CRLF line ends, comments and blank lines', () => {
    const sanitizers = parseNbvalSanitizeFile('# ids\r\n[ids]\r\n; note\r\nregex: id-\\d+\r\nreplace: ID\r\n', 'sanitize.cfg');
    expect(sanitize('id-12 id-3', sanitizers)).toBe('ID ID');
  });

  it('keeps the first place and the last replacement of a repeated pattern, as nbval does', () => {
    const sanitizers = parseNbvalSanitizeFile('[a]\nregex: x\nreplace: 1\nregex: y\nreplace: 2\n[b]\nregex: x\nreplace: 3\n', 'f');
    expect(sanitizers.map((s) => [s.regex.source, s.replace])).toEqual([
      ['x', '3'],
      ['y', '2'],
    ]);
  });

  it('names the file, section and pattern of a bad regex', () => {
    const error = thrown('[Dates]\nregex: \\d{4}-(\\d\nreplace: DATE\n');
    expect(error.message).toMatch(/^sanitize\.cfg \[Dates\]: invalid regex "\\\\d\{4\}-\(\\\\d": .*Unterminated group/);
    expect(error).toMatchObject({ section: '[Dates]', pattern: '\\d{4}-(\\d' });
    expect(thrown('[Bad]\nregex: (?x) a\nreplace: b\n').message).toMatch(/^sanitize\.cfg \[Bad\]: cannot use "\(\?x\) a": verbose mode/);
    expect(thrown('[Bad]\nregex: a\nreplace: \\q\n').message).toMatch(/bad escape \\q/);
  });

  it('rejects what nbval would silently skip', () => {
    expect(thrown('[s]\nregex: a\n\nreplace: b\n').message).toBe(
      'sanitize.cfg [s] line 2: "regex: a" must be followed directly by a "replace:" line (nbval pairs them line by line)',
    );
    expect(thrown('replace: b\n').message).toBe('sanitize.cfg line 1: "replace:" without a "regex:" line right before it');
    expect(thrown('[s]\nregx: a\n').message).toMatch(/^sanitize\.cfg \[s\] line 2: expected "regex: <pattern>"/);
  });

  it('reads an empty file as no sanitizers', () => {
    expect(parseNbvalSanitizeFile('', 'f')).toEqual([]);
  });
});
