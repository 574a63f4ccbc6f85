import type { ApiKeyStore } from '../api-keys.js';
import { parseBasicAuthorization } from '../basic.js';
import { InvalidCredentialsError, MalformedCredentialsError } from '../errors.js';
import { hashPassword, verifyPassword, DEFAULT_SCRYPT, type ScryptParameters } from '../password.js';
import type { KeyInput } from '../jws/algorithms.js';
import type { JwsHeader, KeyResolver } from '../jws/header.js';
import { ownClaim } from '../jwt/claims.js';
import { checkTimes, checkVerifyJwtOptions, tokenTimes, verifyJwt, type TokenTimes, type VerifyJwtOptions } from '../jwt/verify.js';
import type { Authenticator, Principal, RequestHeaders } from './principal.js';

function single(value: string | readonly string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : value?.[0];
}

/** Reads `Authorization: <scheme> <credentials>` for one scheme (case-insensitive). */
export function authorizationCredentials(headers: RequestHeaders, scheme: string): string | undefined {
  const header = single(headers.authorization);
  if (header === undefined) return undefined;
  const space = header.indexOf(' ');
  const given = space < 0 ? header : header.slice(0, space);
  return given.toLowerCase() === scheme.toLowerCase() ? header : undefined;
}

function bearerToken(header: string): string {
  const token = header.slice(header.indexOf(' ') + 1).trim();
  if (!/^[A-Za-z0-9\-._~+/]+=*$/.test(token)) throw new MalformedCredentialsError('the Bearer token is not a token68');
  return token;
}

function listClaim(value: unknown): string[] {
  if (typeof value === 'string') return value.split(' ').filter(Boolean);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Options of {@link bearerJwtAuthenticator}: {@link VerifyJwtOptions} plus a cache size. */
export interface BearerJwtOptions extends VerifyJwtOptions {
  /**
   * Remember up to this many verified tokens (default 0, off). A hit skips the signature and
   * claim checks for the exact same token string, but runs the time checks again (`exp`, `nbf`,
   * `iat` + `maxAgeSeconds`, with the tolerance) and, with a key resolver, asks the resolver
   * again: a token whose key was retired is verified afresh (and refused).
   * Worth it for asymmetric algorithms, where a signature check costs tens of microseconds.
   */
  cacheSize?: number;
}

interface CachedToken {
  principal: Principal;
  header: JwsHeader;
  times: TokenTimes;
  /** The key the token verified with, when it came from a resolver. */
  key: KeyInput | undefined;
}

/**
 * Bearer tokens that are JWTs (RFC 6750 + RFC 9068). Scopes come from `scope` (space-separated)
 * or `scp`, roles from `roles`. `sub` is required. The options are copied when the authenticator
 * is made, so the cache and the verification always apply the same ones.
 *
 * @example
 * ```ts
 * const bearer = bearerJwtAuthenticator(secret, { algorithms: ['HS256'], issuer: 'https://auth.example', audience: 'bookshelf' });
 * ```
 */
export function bearerJwtAuthenticator(key: KeyInput | KeyResolver<KeyInput>, options: BearerJwtOptions): Authenticator {
  const { cacheSize = 0, ...rest } = options;
  if (!Number.isSafeInteger(cacheSize) || cacheSize < 0) throw new TypeError(`options.cacheSize must be an integer >= 0, got ${String(cacheSize)}`);
  checkVerifyJwtOptions(rest);
  const verifyOptions: VerifyJwtOptions = Object.freeze({
    ...rest,
    algorithms: Object.freeze([...rest.algorithms]),
    ...(rest.crit && { crit: Object.freeze([...rest.crit]) }),
    ...(Array.isArray(rest.issuer) && { issuer: Object.freeze([...rest.issuer]) }),
    ...(Array.isArray(rest.audience) && { audience: Object.freeze([...rest.audience]) }),
    requiredClaims: Object.freeze([...(rest.requiredClaims ?? []), 'sub']),
  });
  const resolver = typeof key === 'function' ? key : undefined;
  const cache = new Map<string, CachedToken>();
  return {
    scheme: 'Bearer',
    credentials: (headers) => authorizationCredentials(headers, 'Bearer'),
    authenticate(header): Principal {
      const token = bearerToken(header);
      const hit = cache.get(token);
      if (hit) {
        cache.delete(token);
        checkTimes(hit.times, verifyOptions);
        if (resolver === undefined || resolver(hit.header) === hit.key) {
          cache.set(token, hit);
          return hit.principal;
        }
      }
      let used: KeyInput | undefined;
      const keyOf = resolver && ((jwsHeader: JwsHeader) => (used = resolver(jwsHeader)));
      const { header: jwsHeader, payload } = verifyJwt(token, keyOf ?? (key as KeyInput), verifyOptions);
      const principal: Principal = {
        subject: String(payload.sub), scopes: listClaim(ownClaim(payload, 'scope') ?? ownClaim(payload, 'scp')), roles: listClaim(ownClaim(payload, 'roles')), scheme: 'Bearer',
      };
      if (cacheSize > 0) {
        if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
        cache.set(token, { principal, header: jwsHeader, times: tokenTimes(payload), key: used });
      }
      return principal;
    },
  };
}

/**
 * API keys from a header (default `x-api-key`), checked against an {@link ApiKeyStore}.
 * Challenges name the scheme `ApiKey`, which is a convention, not a registered scheme.
 */
export function apiKeyAuthenticator(store: ApiKeyStore, options: { header?: string } = {}): Authenticator {
  const name = (options.header ?? 'x-api-key').toLowerCase();
  // A field name is a token (RFC 9110 §5.1); it is also quoted into the challenge.
  if (!/^[!#$%&'*+\-.^_`|~0-9a-z]+$/.test(name)) throw new TypeError('options.header must be an HTTP field name');
  return {
    scheme: 'ApiKey',
    challengeParameters: `header="${name}"`,
    credentials: (headers) => single(headers[name]),
    authenticate(key): Principal {
      const { subject, scopes } = store.verify(key);
      return { subject, scopes, roles: [], scheme: 'ApiKey' };
    },
  };
}

/** A user as {@link basicAuthenticator} sees it. */
export interface BasicUser {
  /** A {@link hashPassword} string. */
  passwordHash: string;
  scopes?: readonly string[];
  roles?: readonly string[];
}

/**
 * HTTP Basic against a user directory. An unknown user costs one scrypt run against a dummy hash
 * with the same parameters, and a wrong password one run and one constant-time comparison, exactly
 * like a right one: the response time does not tell which user names exist.
 *
 * @param params the scrypt parameters your hashes use (for the dummy hash).
 */
export function basicAuthenticator(
  lookup: (username: string) => BasicUser | undefined | Promise<BasicUser | undefined>,
  params: ScryptParameters = DEFAULT_SCRYPT,
): Authenticator {
  // Made once, up front, so even the first unknown user costs exactly one scrypt run.
  const dummy = hashPassword('no user has this password', params);
  return {
    scheme: 'Basic',
    challengeParameters: 'charset="UTF-8"',
    credentials: (headers) => authorizationCredentials(headers, 'Basic'),
    async authenticate(header): Promise<Principal> {
      const { username, password } = parseBasicAuthorization(header);
      const user = await lookup(username);
      const ok = await verifyPassword(password, user?.passwordHash ?? (await dummy));
      if (!user || !ok) throw new InvalidCredentialsError('wrong user name or password');
      return { subject: username, scopes: user.scopes ?? [], roles: user.roles ?? [], scheme: 'Basic' };
    },
  };
}
