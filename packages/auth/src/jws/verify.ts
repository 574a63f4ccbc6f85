/**
 * How it works: verification of a compact JWS runs in a fixed order, and each step refuses with
 * its own error before the next one looks at anything the attacker controls more deeply:
 *
 *   1. shape       three base64url segments                      JwtInvalidError
 *   2. alg         not `none`, in the caller's allow-list        JwtAlgorithmError
 *   3. crit        every listed extension understood             JwtCritError
 *   4. key         of the kind `alg` needs (no HS/RS confusion)  JwtKeyError
 *   5. signature   over `header.payload`, exactly as received    JwtSignatureError
 *
 * Only then is the payload handed back. Claims (exp, iss, aud) are the JWT layer's job.
 */
import { decodeBase64url } from '../encoding.js';
import { JwtAlgorithmError, JwtCritError, JwtInvalidError, JwtKeyError, JwtSignatureError } from '../errors.js';
import type { KeyObject } from 'node:crypto';
import { isJwsAlgorithm, keyFor, verifyBytes, verifyBytesAsync, type JwsAlgorithm, type KeyInput } from './algorithms.js';
import type { JwsHeader, KeyResolver } from './header.js';

/** Options of {@link verifyJws}. */
export interface VerifyJwsOptions {
  /** The algorithms you accept. Required: never let the token choose. */
  algorithms: readonly JwsAlgorithm[];
  /** `crit` extensions your code handles after verification. Default: none, so any `crit` is refused. */
  crit?: readonly string[];
  /** Longest token accepted, in characters (default 16 KiB). */
  maxLength?: number;
}

/** A verified JWS: its header and payload bytes. */
export interface VerifiedJws {
  header: JwsHeader;
  payload: Buffer;
}

const DEFAULT_MAX_LENGTH = 16 * 1024;

function parseHeader(segment: string): JwsHeader {
  const bytes = decodeBase64url(segment);
  let header: unknown;
  try {
    header = bytes && JSON.parse(bytes.toString('utf8'));
  } catch {
    header = undefined;
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    throw new JwtInvalidError('the JWS header is not a base64url-encoded JSON object');
  }
  if (!Object.hasOwn(header, 'alg') || typeof (header as JwsHeader).alg !== 'string') throw new JwtInvalidError('the JWS header has no "alg"');
  return header as JwsHeader;
}

function checkAlgorithm(alg: string, allowed: readonly JwsAlgorithm[]): JwsAlgorithm {
  if (alg.toLowerCase() === 'none') throw new JwtAlgorithmError('alg "none" is never accepted');
  if (!isJwsAlgorithm(alg) || !allowed.includes(alg)) {
    throw new JwtAlgorithmError(`alg ${JSON.stringify(alg)} is not allowed (allowed: ${allowed.join(', ')})`);
  }
  return alg;
}

/**
 * Header parameter names registered by RFC 7515 §4.1 and, for JWE, RFC 7516 §4.1 and RFC 7518
 * §4.6-4.8. RFC 7515 §4.1.11: producers MUST NOT list them in `crit`, and a recipient MAY treat
 * a JWS that does as invalid; this one does, so a `crit: ["alg"]` is never a way around a check.
 */
const REGISTERED_HEADER_PARAMETERS: ReadonlySet<string> = new Set([
  'alg', 'jku', 'jwk', 'kid', 'x5u', 'x5c', 'x5t', 'x5t#S256', 'typ', 'cty', 'crit',
  'enc', 'zip', 'epk', 'apu', 'apv', 'iv', 'tag', 'p2s', 'p2c',
]);

function checkCrit(header: JwsHeader, understood: readonly string[]): void {
  if (!Object.hasOwn(header, 'crit')) return;
  const { crit } = header;
  if (!Array.isArray(crit) || crit.length === 0 || !crit.every((name) => typeof name === 'string')) {
    throw new JwtCritError('"crit" must be a non-empty array of strings');
  }
  if (new Set(crit).size !== crit.length) throw new JwtCritError('"crit" lists a name twice');
  for (const name of crit) {
    const quoted = JSON.stringify(name);
    if (REGISTERED_HEADER_PARAMETERS.has(name)) throw new JwtCritError(`"crit" may not list the registered parameter ${quoted} (RFC 7515 §4.1.11)`);
    if (!understood.includes(name)) throw new JwtCritError(`critical extension ${quoted} is not understood`);
    if (!Object.hasOwn(header, name)) throw new JwtCritError(`critical extension ${quoted} is listed but absent`);
  }
}

function checkOptions(options: VerifyJwsOptions): void {
  if (typeof options !== 'object' || options === null || !Array.isArray(options.algorithms) || options.algorithms.length === 0) {
    throw new TypeError('options.algorithms must list at least one algorithm');
  }
  const { crit, maxLength } = options;
  if (crit !== undefined && !(Array.isArray(crit) && crit.every((name) => typeof name === 'string' && !REGISTERED_HEADER_PARAMETERS.has(name)))) {
    throw new TypeError('options.crit must be an array of extension names, none of them registered (RFC 7515 §4.1.11)');
  }
  if (maxLength !== undefined && !(Number.isSafeInteger(maxLength) && maxLength > 0)) {
    throw new TypeError(`options.maxLength must be a positive integer, got ${String(maxLength)}`);
  }
}

/** Everything checked before the signature: what the signature step needs. */
interface Prepared {
  header: JwsHeader;
  payload: Buffer;
  alg: JwsAlgorithm;
  key: KeyObject;
  input: Buffer;
  signature: Buffer;
}

/** Steps 1 to 4 of the table above, shared by the synchronous and asynchronous verifiers. */
function prepare(token: string, key: KeyInput | KeyResolver<KeyInput>, options: VerifyJwsOptions): Prepared {
  checkOptions(options);
  if (typeof token !== 'string' || token.length > (options.maxLength ?? DEFAULT_MAX_LENGTH)) {
    throw new JwtInvalidError('the token is not a string of acceptable length');
  }
  const firstDot = token.indexOf('.');
  const secondDot = token.indexOf('.', firstDot + 1);
  if (firstDot < 0 || secondDot < 0 || token.indexOf('.', secondDot + 1) >= 0) {
    throw new JwtInvalidError('a compact JWS has exactly three segments');
  }
  const header = parseHeader(token.slice(0, firstDot));
  const alg = checkAlgorithm(header.alg, options.algorithms);
  checkCrit(header, options.crit ?? []);
  const chosen = typeof key === 'function' ? key(header) : key;
  // A resolver answers undefined for a kid it does not know: that is a bad token, not a server bug.
  if (chosen === undefined || chosen === null) throw new JwtKeyError('no key for this token (unknown kid?)');
  const keyObject = keyFor(alg, chosen, 'verify');
  const signature = decodeBase64url(token.slice(secondDot + 1), true);
  const payload = decodeBase64url(token.slice(firstDot + 1, secondDot));
  if (!signature || !payload) throw new JwtInvalidError('the payload or signature is not base64url');
  return { header, payload, alg, key: keyObject, input: Buffer.from(token.slice(0, secondDot), 'ascii'), signature };
}

function verified(ok: boolean, { header, payload }: Prepared): VerifiedJws {
  if (!ok) throw new JwtSignatureError('signature verification failed');
  return { header, payload };
}

/**
 * Verifies a compact JWS and returns its header and payload.
 *
 * @param key a key, or a function picking one from the header (by `kid`).
 * @throws JwtInvalidError or one of its subclasses; see the table at the top of this file.
 * @example
 * ```ts
 * const { header, payload } = verifyJws(token, publicKey, { algorithms: ['EdDSA'] });
 * payload.toString(); // 'hello'
 * ```
 */
export function verifyJws(token: string, key: KeyInput | KeyResolver<KeyInput>, options: VerifyJwsOptions): VerifiedJws {
  const prepared = prepare(token, key, options);
  return verified(verifyBytes(prepared.alg, prepared.input, prepared.signature, prepared.key), prepared);
}

/**
 * {@link verifyJws} with the signature check of RS256, ES256 and EdDSA on libuv's thread pool,
 * so a server verifying many tokens at once uses more than one core. Same checks, same errors.
 *
 * @example
 * ```ts
 * const { payload } = await verifyJwsAsync(token, publicKey, { algorithms: ['EdDSA'] });
 * ```
 */
export async function verifyJwsAsync(token: string, key: KeyInput | KeyResolver<KeyInput>, options: VerifyJwsOptions): Promise<VerifiedJws> {
  const prepared = prepare(token, key, options);
  return verified(await verifyBytesAsync(prepared.alg, prepared.input, prepared.signature, prepared.key), prepared);
}
