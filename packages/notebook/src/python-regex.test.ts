import { describe, expect, it } from 'vitest';
import { translatePythonPattern, translatePythonReplacement } from './python-regex.js';

/** Python's `re.sub(pattern, template, text)`, through the translation. */
const sub = (pattern: string, template: string, text: string): string => {
  const { source, flags } = translatePythonPattern(pattern);
  return text.replace(new RegExp(source, `${flags}g`), translatePythonReplacement(template));
};

describe('translatePythonPattern', () => {
  it('leaves the common syntax alone', () => {
    expect(translatePythonPattern('\\d\\d:\\d\\d(:\\d\\d)?').source).toBe('\\d\\d:\\d\\d(:\\d\\d)?');
    expect(translatePythonPattern('[a-z$]+\\$').source).toBe('[a-z$]+\\$');
  });

  it('translates named groups, backreferences and inline flags', () => {
    expect(translatePythonPattern('(?P<word>\\w+) (?P=word)')).toEqual({ source: '(?<word>\\w+) \\k<word>', flags: '' });
    expect(translatePythonPattern('(?ims)abc')).toEqual({ source: 'abc', flags: 'ims' });
    expect(() => translatePythonPattern('(?x)a b')).toThrow('verbose mode');
  });

  it("gives $ and \\Z Python's meaning", () => {
    expect(sub('\\d+$', 'N', 'took 5\n')).toBe('took N\n'); // Python's $ matches before a final newline
    expect(sub('(?m)^\\d+$', 'N', '1\n2\n')).toBe('N\nN\n');
    expect(sub('x\\Z', 'y', 'x\nx')).toBe('x\ny');
    expect(sub('\\Ax', 'y', 'xx')).toBe('yx');
  });

  it('treats ] first in a class as a literal, as Python does', () => {
    expect(sub('[]a]', '-', 'a]b')).toBe('--b');
    expect(sub('[^]a]', '-', 'a]b')).toBe('a]-');
    expect(() => translatePythonPattern('[abc')).toThrow('unterminated character set');
  });
});

describe('translatePythonReplacement', () => {
  it('translates group references', () => {
    expect(sub('(<\\w+ at )(0x[0-9a-f]+)(>)', '\\1MEMORY_ADDRESS\\3', '<obj at 0x7f3a>')).toBe('<obj at MEMORY_ADDRESS>');
    expect(sub('(?P<h>\\d+):(\\d+)', '\\g<2>:\\g<h> (\\g<0>)', '10:30')).toBe('30:10 (10:30)');
  });

  it('turns escapes into characters and keeps a literal $', () => {
    expect(translatePythonReplacement('a\\tb\\nc\\\\d $1 \\.')).toBe('a\tb\nc\\d $$1 \\.');
    expect(sub('x', '$1 cost', 'x')).toBe('$1 cost');
    expect(translatePythonReplacement('\\0')).toBe('\0');
  });

  it('rejects the escapes Python rejects', () => {
    expect(() => translatePythonReplacement('\\q')).toThrow('bad escape \\q');
    expect(() => translatePythonReplacement('a\\')).toThrow('bad escape (end of replacement)');
    expect(() => translatePythonReplacement('\\g1')).toThrow('missing <group name>');
  });
});
