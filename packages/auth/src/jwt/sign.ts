import { signJws } from '../jws/sign.js';
import type { JwsAlgorithm, KeyInput } from '../jws/algorithms.js';
import { numericDate, type JwtPayload } from './claims.js';

/** Options of {@link signJwt}. */
export interface SignJwtOptions {
  /** The algorithm; the key must fit it (HS256 wants at least 256 bits). */
  alg: JwsAlgorithm;
  /** Key id, written to the header so verifiers can pick the key. */
  kid?: string;
  /** Header `typ`; default `JWT`. Access tokens use `at+jwt` (RFC 9068). */
  typ?: string;
  /** Sets `exp` to `iat` plus this many seconds. */
  expiresInSeconds?: number;
  /** Sets `nbf` to `iat` plus this many seconds. */
  notBeforeSeconds?: number;
  /** Millisecond clock; default `Date.now`. */
  clock?: () => number;
}

/**
 * Signs a JWT: adds `iat` (unless the claims have one), `exp` and `nbf` when asked, then signs
 * the JSON as a compact JWS.
 *
 * @example
 * ```ts
 * const secret = createSecretKey(randomBytes(32));
 * const token = signJwt({ sub: 'ada', scope: 'books:write' }, secret, { alg: 'HS256', expiresInSeconds: 300 });
 * ```
 */
export function signJwt(claims: JwtPayload, key: KeyInput, options: SignJwtOptions): string {
  // NaN would be written as "exp": null: a token that no verifier can date.
  for (const name of ['expiresInSeconds', 'notBeforeSeconds'] as const) {
    const value: unknown = options[name];
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) throw new TypeError(`options.${name} must be a finite number of seconds`);
  }
  if (claims.iat !== undefined && (typeof claims.iat !== 'number' || !Number.isFinite(claims.iat))) throw new TypeError('claims.iat must be a NumericDate');
  const iat = claims.iat ?? numericDate(options.clock ?? Date.now);
  const payload: JwtPayload = { ...claims, iat };
  if (options.expiresInSeconds !== undefined) payload.exp = iat + options.expiresInSeconds;
  if (options.notBeforeSeconds !== undefined) payload.nbf = iat + options.notBeforeSeconds;
  const header: Record<string, unknown> = { typ: options.typ ?? 'JWT' };
  if (options.kid !== undefined) header.kid = options.kid;
  return signJws(JSON.stringify(payload), key, { alg: options.alg, header });
}
