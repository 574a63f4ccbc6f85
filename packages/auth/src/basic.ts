/**
 * How it works (RFC 7617): the client sends `Authorization: Basic base64(user-id ":" password)`,
 * the bytes being UTF-8 (the server announces `charset="UTF-8"` in its challenge). The user-id
 * cannot contain a colon, so the first colon splits; the password may contain colons. Neither
 * may contain control characters. Both sides normalize to Unicode NFC, so "é" typed as one code
 * point or as e + combining accent is the same password.
 */
import { MalformedCredentialsError } from './errors.js';

/** A user-id and password taken from a `Basic` header. */
export interface BasicCredentials {
  username: string;
  password: string;
}

const BASIC = /^basic +([A-Za-z0-9+/]+={0,2}) *$/i;
// RFC 7617 §2 forbids CTL (RFC 5234: %x00-1F / %x7F). With UTF-8 (§2.1) the same reasoning
// covers the C1 controls U+0080-U+009F (NEL, U+0085, among them) and the Unicode line and
// paragraph separators U+2028/U+2029: all are \p{Cc} or \p{Zl}/\p{Zp}, none belongs in a
// credential, and line breaks in a user name forge log lines. The user-id also may not hold
// format characters (\p{Cf}: bidi overrides, zero-width space, soft hyphen), which make two names
// look alike; RFC 8265's UsernameCasePreserved profile, which §2.1 points to, disallows them too,
// except ZWNJ and ZWJ (U+200C, U+200D) that some scripts need (RFC 5892 CONTEXTJ).
const CONTROL = /[\p{Cc}\p{Zl}\p{Zp}]/u;
const USER_ID_FORMAT = /(?![\u200c\u200d])\p{Cf}/u;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses an `Authorization: Basic …` header value.
 *
 * @throws MalformedCredentialsError when the scheme, base64, UTF-8 or the colon is missing or wrong.
 * @example
 * ```ts
 * parseBasicAuthorization('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=='); // { username: 'Aladdin', password: 'open sesame' }
 * ```
 */
export function parseBasicAuthorization(header: string): BasicCredentials {
  const match = BASIC.exec(header);
  const encoded = match?.[1];
  if (encoded === undefined) throw new MalformedCredentialsError('expected "Basic" and base64 credentials');
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.toString('base64') !== encoded) throw new MalformedCredentialsError('the credentials are not canonical base64');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch (cause) {
    throw new MalformedCredentialsError('the credentials are not UTF-8', { cause });
  }
  const colon = text.indexOf(':');
  if (colon < 0) throw new MalformedCredentialsError('the credentials have no colon between user-id and password');
  if (CONTROL.test(text)) throw new MalformedCredentialsError('the credentials contain control characters or line separators');
  const username = text.slice(0, colon);
  if (USER_ID_FORMAT.test(username)) throw new MalformedCredentialsError('the user-id contains format characters');
  return { username: username.normalize('NFC'), password: text.slice(colon + 1).normalize('NFC') };
}

/**
 * Builds the header value a client sends.
 *
 * @example
 * ```ts
 * formatBasicAuthorization('test', '123£'); // 'Basic dGVzdDoxMjPCow==' (RFC 7617 §2.1)
 * ```
 */
export function formatBasicAuthorization(username: string, password: string): string {
  if (username.includes(':')) throw new TypeError('a Basic user-id cannot contain ":"');
  if (CONTROL.test(username) || CONTROL.test(password)) throw new TypeError('Basic credentials cannot contain control characters or line separators');
  if (USER_ID_FORMAT.test(username)) throw new TypeError('a Basic user-id cannot contain format characters');
  return `Basic ${Buffer.from(`${username}:${password}`.normalize('NFC'), 'utf8').toString('base64')}`;
}

/** Quotes a value as an HTTP quoted-string (RFC 9110 §5.6.4). */
export function quoteHeaderValue(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * The `WWW-Authenticate` challenge of a 401 for Basic.
 *
 * @example
 * ```ts
 * basicChallenge('bookshelf'); // 'Basic realm="bookshelf", charset="UTF-8"'
 * ```
 */
export function basicChallenge(realm: string): string {
  return `Basic realm=${quoteHeaderValue(realm)}, charset="UTF-8"`;
}
