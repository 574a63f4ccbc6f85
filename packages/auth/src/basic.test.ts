import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basicChallenge, formatBasicAuthorization, parseBasicAuthorization } from './basic.js';
import { MalformedCredentialsError } from './errors.js';

const encode = (text: string) => `Basic ${Buffer.from(text, 'utf8').toString('base64')}`;

describe('HTTP Basic (RFC 7617)', () => {
  it('parses the RFC 7617 examples', () => {
    expect(parseBasicAuthorization('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==')).toEqual({ username: 'Aladdin', password: 'open sesame' });
    expect(formatBasicAuthorization('test', '123£')).toBe('Basic dGVzdDoxMjPCow==');
    expect(parseBasicAuthorization('Basic dGVzdDoxMjPCow==')).toEqual({ username: 'test', password: '123£' });
  });

  it('splits at the first colon: passwords may contain colons, and may be empty', () => {
    expect(parseBasicAuthorization(encode('ada:pa:ss:word'))).toEqual({ username: 'ada', password: 'pa:ss:word' });
    expect(parseBasicAuthorization(encode('ada:'))).toEqual({ username: 'ada', password: '' });
  });

  it('reads the scheme case-insensitively and UTF-8 in both fields, normalized to NFC', () => {
    const decomposed = 'Jose\u0301:cafe\u0301';
    expect(parseBasicAuthorization(encode(decomposed).replace('Basic', 'bAsIc'))).toEqual({ username: 'José', password: 'café' });
  });

  it.each([
    ['another scheme', 'Bearer abc'],
    ['no credentials', 'Basic'],
    ['not base64', 'Basic !!!!'],
    ['non-canonical base64', 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZR=='],
    ['no colon', encode('ada')],
    ['invalid UTF-8', `Basic ${Buffer.from([0x61, 0x3a, 0xff]).toString('base64')}`],
    ['a control character', encode('ada:pass\u0000word')],
  ])('refuses %s', (_name, header) => {
    expect(() => parseBasicAuthorization(header)).toThrow(MalformedCredentialsError);
  });

  it('round-trips any user-id without colon and any password', () => {
    const visible = fc.string({ unit: 'grapheme', maxLength: 20 }).filter((s) => !/[\p{Cc}\p{Zl}\p{Zp}]/u.test(s));
    const userId = visible.filter((s) => !s.includes(':') && !/(?![\u200c\u200d])\p{Cf}/u.test(s));
    fc.assert(
      fc.property(userId, visible, (username, password) => {
        expect(parseBasicAuthorization(formatBasicAuthorization(username, password))).toEqual({
          username: username.normalize('NFC'),
          password: password.normalize('NFC'),
        });
      }),
    );
  });

  it('refuses to format a user-id with a colon', () => {
    expect(() => formatBasicAuthorization('a:b', 'c')).toThrow(TypeError);
  });

  it('builds a challenge with realm and charset, quoting the realm', () => {
    expect(basicChallenge('books "and" more')).toBe('Basic realm="books \\"and\\" more", charset="UTF-8"');
  });
});
