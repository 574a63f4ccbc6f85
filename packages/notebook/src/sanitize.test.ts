import { describe, expect, it } from 'vitest';
import { SanitizerError } from './errors.js';
import { parseSanitizeConfig, sanitize } from './sanitize.js';

/** The error `fn` throws (fails the test if it does not throw one). */
function thrown(fn: () => unknown): SanitizerError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SanitizerError);
    expect(error).toMatchObject({ code: 'ERR_SANITIZER', name: 'SanitizerError' });
    return error as SanitizerError;
  }
  throw new Error('expected a SanitizerError');
}

describe('sanitize', () => {
  it('applies every sanitizer in order, replacing every match', () => {
    const text = 'took 12ms, then 7ms at 0x7ffd1234';
    expect(
      sanitize(text, [
        { regex: /\d+ms/, replace: '<ms>' },
        { regex: /<ms>, then <ms>/g, replace: 'twice' },
        { regex: /0x([0-9a-f]+)/, replace: '<address $1>' },
      ]),
    ).toBe('took twice at <address 7ffd1234>');
    expect(sanitize(text, [])).toBe(text);
  });

  it('does not depend on lastIndex left on a global regex', () => {
    const regex = /a/g;
    regex.lastIndex = 3;
    expect(sanitize('aaaa', [{ regex, replace: 'b' }])).toBe('bbbb');
  });
});

describe('parseSanitizeConfig', () => {
  it('reads an array of { regex, replace } with optional flags and comment', () => {
    const sanitizers = parseSanitizeConfig(
      [
        { regex: '\\d+(\\.\\d+)? ?ms', replace: '<ms>', comment: 'timings' },
        { regex: 'ID-(?<n>\\d+)', replace: 'ID-$<n>!', flags: 'i' },
      ],
      'sanitize.json',
    );
    expect(sanitizers.map((s) => [s.regex.source, s.regex.flags, s.replace])).toEqual([
      ['\\d+(\\.\\d+)? ?ms', 'g', '<ms>'],
      ['ID-(?<n>\\d+)', 'gi', 'ID-$<n>!'],
    ]);
    expect(sanitize('took 1.5 ms for id-42', sanitizers)).toBe('took <ms> for ID-42!');
  });

  it('accepts JSON text as well as a parsed value', () => {
    expect(parseSanitizeConfig('[{"regex": "a", "replace": "b"}]', 'sanitize.json')).toHaveLength(1);
    expect(thrown(() => parseSanitizeConfig('[{', 'sanitize.json')).message).toMatch(/^sanitize\.json: is not valid JSON: /);
  });

  it('names the source, entry and pattern of a bad regex', () => {
    const error = thrown(() =>
      parseSanitizeConfig([{ regex: 'ok', replace: '' }, { regex: '(\\d', replace: 'x' }], 'nb.ipynb metadata.scalable_ts.sanitize'),
    );
    expect(error.message).toMatch(/^nb\.ipynb metadata\.scalable_ts\.sanitize #2: invalid regex "\(\\\\d": .*Unterminated group/);
    expect(error).toMatchObject({ source: 'nb.ipynb metadata.scalable_ts.sanitize', section: '#2', pattern: '(\\d' });
  });

  it('rejects entries of the wrong shape', () => {
    expect(thrown(() => parseSanitizeConfig({ regex: 'a' }, 'f.json')).message).toBe(
      'f.json: must be an array of { "regex": …, "replace": … } entries',
    );
    expect(thrown(() => parseSanitizeConfig(['a'], 'f.json')).message).toMatch(/^f\.json #1: must be an object/);
    expect(thrown(() => parseSanitizeConfig([{ regex: 'a' }], 'f.json')).message).toBe('f.json #1: "replace" must be a string');
    expect(thrown(() => parseSanitizeConfig([{ regex: '', replace: '' }], 'f.json')).message).toMatch(/"regex" must be a non-empty string/);
    expect(thrown(() => parseSanitizeConfig([{ regex: 'a', replace: '', replcae: 'x' }], 'f.json')).message).toBe(
      'f.json #1: unknown key "replcae" (allowed: regex, replace, flags, comment)',
    );
    expect(thrown(() => parseSanitizeConfig([{ regex: 'a', replace: '', flags: 'gy' }], 'f.json')).message).toMatch(
      /"flags" must be a string of i, m, s, u or v \(got "gy"\)/,
    );
  });
});
