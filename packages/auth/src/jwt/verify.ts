/**
 * How it works: a JWT is a JWS whose payload is a JSON object of claims (RFC 7519). After
 * {@link verifyJws} has checked shape, algorithm, `crit`, key and signature, the claims are
 * checked in this order: `typ`, the time claims (`exp`, `nbf`, `iat`, with a clock tolerance),
 * then identity (`iss`, `aud`, `sub`) and any claim the caller requires. A claim the caller
 * asked for and the token lacks is refused: a missing `aud` is not a wildcard.
 */
import { JwtClaimError, JwtExpiredError, JwtInvalidError, JwtNotYetValidError } from '../errors.js';
import type { KeyInput } from '../jws/algorithms.js';
import type { JwsHeader, KeyResolver } from '../jws/header.js';
import { verifyJws, verifyJwsAsync, type VerifiedJws, type VerifyJwsOptions } from '../jws/verify.js';
import { numericDate, type JwtPayload } from './claims.js';

/** Options of {@link verifyJwt}. */
export interface VerifyJwtOptions extends VerifyJwsOptions {
  /** Accepted issuers; when set, `iss` is required and must be one of them. */
  issuer?: string | readonly string[];
  /** This service's identifiers; when set, `aud` is required and must contain one of them. */
  audience?: string | readonly string[];
  /** When set, `sub` must equal it. */
  subject?: string;
  /** When set, the header `typ` must equal it (case-insensitive, `application/` optional). */
  typ?: string;
  /** Claims that must be present, e.g. `['exp', 'sub']`. */
  requiredClaims?: readonly string[];
  /** Seconds of clock skew forgiven on `exp`, `nbf` and `iat`; default 0. */
  clockToleranceSeconds?: number;
  /** When set, `iat` is required and may be at most this many seconds old. */
  maxAgeSeconds?: number;
  /** Millisecond clock; default `Date.now`. */
  clock?: () => number;
}

/** A verified JWT. */
export interface VerifiedJwt<T extends JwtPayload = JwtPayload> {
  header: JwsHeader;
  payload: T;
}

function parsePayload(bytes: Buffer): JwtPayload {
  let payload: unknown;
  try {
    payload = JSON.parse(bytes.toString('utf8'));
  } catch {
    payload = undefined;
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new JwtInvalidError('the JWT payload is not a JSON object');
  }
  return payload as JwtPayload;
}

function normalizeTyp(typ: string): string {
  const lower = typ.toLowerCase();
  return lower.startsWith('application/') ? lower.slice('application/'.length) : lower;
}

function timeClaim(payload: JwtPayload, name: 'exp' | 'nbf' | 'iat'): number | undefined {
  if (!Object.hasOwn(payload, name)) return undefined;
  const value = payload[name];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new JwtClaimError(name, `"${name}" must be a NumericDate`);
  return value;
}

/** The time claims of a verified token, as {@link checkTimes} needs them (and a cache keeps them). */
export interface TokenTimes {
  exp: number | undefined;
  nbf: number | undefined;
  iat: number | undefined;
}

/** Reads and type-checks `exp`, `nbf` and `iat`. */
export function tokenTimes(payload: JwtPayload): TokenTimes {
  return { exp: timeClaim(payload, 'exp'), nbf: timeClaim(payload, 'nbf'), iat: timeClaim(payload, 'iat') };
}

/**
 * The time checks, on their own so that a cache of verified tokens runs exactly these on every
 * hit: `exp` (exclusive), `nbf`, `iat` not in the future, and `iat` + `maxAgeSeconds`, each with
 * the clock tolerance. `now` is in seconds.
 */
export function checkTimes({ exp, nbf, iat }: TokenTimes, options: VerifyJwtOptions, now = numericDate(options.clock ?? Date.now)): void {
  const tolerance = options.clockToleranceSeconds ?? 0;
  if (exp !== undefined && now - tolerance >= exp) throw new JwtExpiredError(`the token expired ${now - exp} s ago`);
  if (nbf !== undefined && now + tolerance < nbf) throw new JwtNotYetValidError(`the token is valid only in ${nbf - now} s`);
  // A token issued in the future comes from a wrong clock or a forger, and would pass any maxAge.
  if (iat !== undefined && now + tolerance < iat) throw new JwtClaimError('iat', `"iat" is ${iat - now} s in the future`);
  if (options.maxAgeSeconds !== undefined) {
    if (iat === undefined) throw new JwtClaimError('iat', '"iat" is required');
    if (now - tolerance - iat > options.maxAgeSeconds) throw new JwtExpiredError(`the token is older than ${options.maxAgeSeconds} s`);
  }
}

function checkSeconds(options: VerifyJwtOptions, name: 'clockToleranceSeconds' | 'maxAgeSeconds'): void {
  const value: unknown = options[name];
  if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) {
    throw new TypeError(`options.${name} must be a finite number of seconds >= 0, got ${typeof value === 'number' ? value : typeof value}`);
  }
}

/**
 * Refuses options that would quietly switch a check off: a NaN tolerance makes every comparison
 * false, a string one concatenates, a NaN maxAge lets any age pass.
 *
 * @throws TypeError naming the option.
 */
export function checkVerifyJwtOptions(options: VerifyJwtOptions): void {
  if (typeof options !== 'object' || options === null) throw new TypeError('options must be an object');
  checkSeconds(options, 'clockToleranceSeconds');
  checkSeconds(options, 'maxAgeSeconds');
  if (options.clock !== undefined && typeof options.clock !== 'function') throw new TypeError('options.clock must be a function');
  if (options.requiredClaims !== undefined && !(Array.isArray(options.requiredClaims) && options.requiredClaims.every((c) => typeof c === 'string'))) {
    throw new TypeError('options.requiredClaims must be an array of claim names');
  }
  for (const name of ['issuer', 'audience'] as const) {
    const value: unknown = options[name];
    if (value !== undefined && typeof value !== 'string' && !(Array.isArray(value) && value.every((v) => typeof v === 'string'))) {
      throw new TypeError(`options.${name} must be a string or an array of strings`);
    }
  }
  for (const name of ['subject', 'typ'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'string') throw new TypeError(`options.${name} must be a string`);
  }
}

function asList(value: string | readonly string[]): readonly string[] {
  return typeof value === 'string' ? [value] : value;
}

function checkIdentity(payload: JwtPayload, options: VerifyJwtOptions): void {
  if (options.issuer !== undefined) {
    if (typeof payload.iss !== 'string') throw new JwtClaimError('iss', '"iss" is required');
    if (!asList(options.issuer).includes(payload.iss)) throw new JwtClaimError('iss', `unexpected issuer "${payload.iss}"`);
  }
  if (options.audience !== undefined) {
    const aud = payload.aud;
    const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud : undefined;
    if (audiences === undefined) throw new JwtClaimError('aud', '"aud" is required');
    const accepted = asList(options.audience);
    if (!audiences.some((a) => accepted.includes(a))) throw new JwtClaimError('aud', 'the token is not meant for this audience');
  }
  if (options.subject !== undefined && payload.sub !== options.subject) {
    throw new JwtClaimError('sub', `unexpected subject`);
  }
  for (const claim of options.requiredClaims ?? []) {
    if (!Object.hasOwn(payload, claim) || payload[claim] === undefined) throw new JwtClaimError(claim, `"${claim}" is required`);
  }
}

/**
 * Verifies a JWT: the signature with `key` under an explicit allow-list of algorithms, then its
 * claims. Returns the header and the claims; throws a {@link JwtInvalidError} subclass otherwise.
 *
 * @example
 * ```ts
 * const { payload } = verifyJwt(token, secret, {
 *   algorithms: ['HS256'], issuer: 'https://auth.example', audience: 'bookshelf', clockToleranceSeconds: 30,
 * });
 * payload.sub; // 'ada'
 * ```
 */
export function verifyJwt<T extends JwtPayload = JwtPayload>(
  token: string,
  key: KeyInput | KeyResolver<KeyInput>,
  options: VerifyJwtOptions,
): VerifiedJwt<T> {
  checkVerifyJwtOptions(options);
  return checkClaims<T>(verifyJws(token, key, options), options);
}

/**
 * {@link verifyJwt} with the RS256, ES256 and EdDSA signature check on the thread pool: the same
 * checks and errors, for servers that verify many asymmetric tokens at once.
 *
 * @example
 * ```ts
 * const { payload } = await verifyJwtAsync(accessToken, publicKey, { algorithms: ['EdDSA'], audience: 'bookshelf' });
 * ```
 */
export async function verifyJwtAsync<T extends JwtPayload = JwtPayload>(
  token: string,
  key: KeyInput | KeyResolver<KeyInput>,
  options: VerifyJwtOptions,
): Promise<VerifiedJwt<T>> {
  checkVerifyJwtOptions(options);
  return checkClaims<T>(await verifyJwsAsync(token, key, options), options);
}

function checkClaims<T extends JwtPayload>({ header, payload: bytes }: VerifiedJws, options: VerifyJwtOptions): VerifiedJwt<T> {
  if (options.typ !== undefined && (typeof header.typ !== 'string' || normalizeTyp(header.typ) !== normalizeTyp(options.typ))) {
    throw new JwtClaimError('typ', `the token type must be "${options.typ}"`);
  }
  const payload = parsePayload(bytes);
  checkTimes(tokenTimes(payload), options);
  checkIdentity(payload, options);
  return { header, payload: payload as T };
}
