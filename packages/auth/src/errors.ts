import { CodedError, coded } from '@scalable-ts/base';

/**
 * Every error this package throws, each with a stable `code` string and the HTTP `status` a server
 * should answer with. Catch {@link AuthError} to handle them all; switch on `code`, never on the message.
 */

/**
 * The characters RFC 6749 §5.2 and RFC 6750 §3 allow in `error_description`: printable ASCII
 * without `"` and `\`. Anything else (CR, LF, a character above U+00FF) would at best break the
 * header and at worst make `node:http` throw `ERR_INVALID_CHAR`.
 */
const DESCRIPTION = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** True when `text` may be sent as an RFC 6749/6750 `error_description` (and so in any header). */
export function isSafeDescription(text: string): boolean {
  return DESCRIPTION.test(text);
}

/** The codes of the JWT family: {@link JwtInvalidError} and the classes that extend it. */
export type JwtErrorCode = 'ERR_JWT_INVALID' | 'ERR_JWT_ALGORITHM' | 'ERR_JWT_KEY' | 'ERR_JWT_SIGNATURE'
  | 'ERR_JWT_CRIT' | 'ERR_JWT_EXPIRED' | 'ERR_JWT_NOT_YET_VALID' | 'ERR_JWT_CLAIM';

/** The stable codes of this package's errors: one per class, and one per RFC 6749 code for {@link OAuthError}. */
export type AuthErrorCode = 'ERR_AUTH' | 'ERR_MISSING_CREDENTIALS' | 'ERR_MALFORMED_CREDENTIALS'
  | 'ERR_INVALID_CREDENTIALS' | 'ERR_FORBIDDEN' | 'ERR_API_KEY_INVALID' | 'ERR_API_KEY_REVOKED'
  | 'ERR_API_KEY_EXPIRED' | JwtErrorCode | `ERR_OAUTH_${Uppercase<OAuthErrorCode>}`;

/**
 * What a client may be told for each code: fixed texts, never request data, safe for a client
 * and for a header. (`OAuthError` sends its own, checked by {@link isSafeDescription}.)
 */
const DESCRIPTIONS: { readonly [Code in Exclude<AuthErrorCode, `ERR_OAUTH_${string}`>]: string } = {
  ERR_AUTH: 'authentication failed',
  ERR_MISSING_CREDENTIALS: 'authentication required',
  ERR_MALFORMED_CREDENTIALS: 'the credentials are malformed',
  ERR_INVALID_CREDENTIALS: 'wrong user name or password',
  ERR_FORBIDDEN: 'insufficient privileges',
  ERR_API_KEY_INVALID: 'the API key is not valid',
  ERR_API_KEY_REVOKED: 'the API key was revoked',
  ERR_API_KEY_EXPIRED: 'the API key expired',
  ERR_JWT_INVALID: 'the token is malformed',
  ERR_JWT_ALGORITHM: 'the token algorithm is not accepted',
  ERR_JWT_KEY: 'no acceptable key for this token',
  ERR_JWT_SIGNATURE: 'the token signature is invalid',
  ERR_JWT_CRIT: 'the token has a critical header parameter that is not accepted',
  ERR_JWT_EXPIRED: 'the token expired',
  ERR_JWT_NOT_YET_VALID: 'the token is not valid yet',
  ERR_JWT_CLAIM: 'a token claim is missing or not accepted',
};

/**
 * Base class of every error of `@scalable-ts/auth`. `message` is for logs and may quote what the
 * request carried (an `alg`, a `crit` name); `description` is a fixed text of the class, never
 * containing request data, safe for a client and for a header.
 */
export class AuthError extends CodedError<AuthErrorCode> {
  static readonly code: AuthErrorCode = 'ERR_AUTH';
  /** The HTTP status a server answers with when this error ends a request. */
  readonly status: number = 401;
  /** What a client may be told: fixed per class ({@link DESCRIPTIONS}), printable ASCII without quotes (RFC 6750 §3). */
  readonly description: string = DESCRIPTIONS[this.code as keyof typeof DESCRIPTIONS] ?? DESCRIPTIONS.ERR_AUTH;
}

/** The request carried no credentials at all (401, a challenge without an error code). */
export class MissingCredentialsError extends coded(AuthError, 'ERR_MISSING_CREDENTIALS') {}

/** The credentials are present but malformed (a bad `Authorization` header): 401 `invalid_request`. */
export class MalformedCredentialsError extends coded(AuthError, 'ERR_MALFORMED_CREDENTIALS') {}

/** User name or password is wrong. One error for both, so a client cannot probe which user exists. */
export class InvalidCredentialsError extends coded(AuthError, 'ERR_INVALID_CREDENTIALS') {}

/** The principal is known but lacks a scope or role the route requires (403). */
export class ForbiddenError extends coded(AuthError, 'ERR_FORBIDDEN') {
  override readonly status = 403;
  /** Scopes the route needs and the principal has not. */
  readonly missingScopes: readonly string[];
  /** Roles the route needs and the principal has not. */
  readonly missingRoles: readonly string[];
  constructor(missingScopes: readonly string[], missingRoles: readonly string[]) {
    const parts = [
      ...(missingScopes.length > 0 ? [`scope ${missingScopes.join(' ')}`] : []),
      ...(missingRoles.length > 0 ? [`role ${missingRoles.join(' ')}`] : []),
    ];
    super(`insufficient privileges: missing ${parts.join(' and ')}`);
    this.missingScopes = missingScopes;
    this.missingRoles = missingRoles;
  }
}

/** An API key that does not parse or does not match a stored key. */
export class ApiKeyInvalidError extends coded(AuthError, 'ERR_API_KEY_INVALID') {}

/** An API key that matched but was revoked. */
export class ApiKeyRevokedError extends coded(AuthError, 'ERR_API_KEY_REVOKED') {}

/** An API key that matched but expired (for example, the old key after a rotation's grace period). */
export class ApiKeyExpiredError extends coded(AuthError, 'ERR_API_KEY_EXPIRED') {}

/** A JWS/JWT that is not well formed: wrong number of segments, bad base64url, bad JSON. */
export class JwtInvalidError extends coded(AuthError, 'ERR_JWT_INVALID' as JwtErrorCode) {}

/** The token's `alg` is `none` or not in the verifier's allow-list. */
export class JwtAlgorithmError extends coded(JwtInvalidError, 'ERR_JWT_ALGORITHM') {}

/**
 * The key does not fit the algorithm: an RSA public key offered for HS256 (key confusion), an
 * HMAC key shorter than 256 bits, an RSA modulus under 2048 bits, a P-384 key for ES256.
 */
export class JwtKeyError extends coded(JwtInvalidError, 'ERR_JWT_KEY') {}

/** The signature does not verify: header, payload or signature were changed, or the key is wrong. */
export class JwtSignatureError extends coded(JwtInvalidError, 'ERR_JWT_SIGNATURE') {}

/** The header lists a `crit` extension the verifier does not understand (RFC 7515 §4.1.11). */
export class JwtCritError extends coded(JwtInvalidError, 'ERR_JWT_CRIT') {}

/** `exp` is in the past, beyond the clock tolerance. */
export class JwtExpiredError extends coded(JwtInvalidError, 'ERR_JWT_EXPIRED') {}

/** `nbf` is in the future, beyond the clock tolerance. */
export class JwtNotYetValidError extends coded(JwtInvalidError, 'ERR_JWT_NOT_YET_VALID') {}

/** A claim is missing, malformed or has the wrong value (`iss`, `aud`, `sub`, `typ`, …). */
export class JwtClaimError extends coded(JwtInvalidError, 'ERR_JWT_CLAIM') {
  /** The claim (or header parameter) at fault. */
  readonly claim: string;
  constructor(claim: string, message: string) {
    super(message);
    this.claim = claim;
  }
}

/** Error codes of RFC 6749 §4.1.2.1 and §5.2 (and RFC 7662 for introspection). */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'unsupported_response_type'
  | 'invalid_scope'
  | 'access_denied'
  | 'server_error';

/**
 * An OAuth 2.0 protocol error. `error` is the RFC 6749 code a client sees; `code` is
 * `ERR_OAUTH_` plus that code in capitals (`ERR_OAUTH_INVALID_GRANT`).
 */
export class OAuthError extends AuthError {
  override readonly status: number;
  /** The RFC 6749 error code sent to the client. */
  readonly error: OAuthErrorCode;
  /** The `error_description` sent: the message when it is safe to send, else the error code's own words. */
  override readonly description: string;
  constructor(error: OAuthErrorCode, description: string, options?: ErrorOptions) {
    super(description, options, `ERR_OAUTH_${error.toUpperCase() as Uppercase<OAuthErrorCode>}`);
    this.error = error;
    this.description = isSafeDescription(description) ? description : error.replace(/_/g, ' ');
    this.status = error === 'invalid_client' ? 401 : error === 'server_error' ? 500 : 400;
  }
}
