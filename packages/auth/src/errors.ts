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

/**
 * Base class of every error of `@scalable-ts/auth`. `message` is for logs and may quote what the
 * request carried (an `alg`, a `crit` name); `description` is a fixed text of the class, never
 * containing request data, safe for a client and for a header.
 */
export class AuthError extends Error {
  /** Stable machine-readable code, e.g. `ERR_JWT_EXPIRED`. */
  readonly code: string = 'ERR_AUTH';
  /** The HTTP status a server answers with when this error ends a request. */
  readonly status: number = 401;
  /** What a client may be told: fixed per class, printable ASCII without quotes (RFC 6750 §3). */
  readonly description: string = 'authentication failed';
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The request carried no credentials at all (401, a challenge without an error code). */
export class MissingCredentialsError extends AuthError {
  override readonly code = 'ERR_MISSING_CREDENTIALS';
  override readonly description = 'authentication required';
}

/** The credentials are present but malformed (a bad `Authorization` header): 401 `invalid_request`. */
export class MalformedCredentialsError extends AuthError {
  override readonly code = 'ERR_MALFORMED_CREDENTIALS';
  override readonly description = 'the credentials are malformed';
}

/** User name or password is wrong. One error for both, so a client cannot probe which user exists. */
export class InvalidCredentialsError extends AuthError {
  override readonly code = 'ERR_INVALID_CREDENTIALS';
  override readonly description = 'wrong user name or password';
}

/** The principal is known but lacks a scope or role the route requires (403). */
export class ForbiddenError extends AuthError {
  override readonly code = 'ERR_FORBIDDEN';
  override readonly description = 'insufficient privileges';
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
export class ApiKeyInvalidError extends AuthError {
  override readonly code = 'ERR_API_KEY_INVALID';
  override readonly description = 'the API key is not valid';
}

/** An API key that matched but was revoked. */
export class ApiKeyRevokedError extends AuthError {
  override readonly code = 'ERR_API_KEY_REVOKED';
  override readonly description = 'the API key was revoked';
}

/** An API key that matched but expired (for example, the old key after a rotation's grace period). */
export class ApiKeyExpiredError extends AuthError {
  override readonly code = 'ERR_API_KEY_EXPIRED';
  override readonly description = 'the API key expired';
}

/** A JWS/JWT that is not well formed: wrong number of segments, bad base64url, bad JSON. */
export class JwtInvalidError extends AuthError {
  override readonly code: string = 'ERR_JWT_INVALID';
  override readonly description: string = 'the token is malformed';
}

/** The token's `alg` is `none` or not in the verifier's allow-list. */
export class JwtAlgorithmError extends JwtInvalidError {
  override readonly code = 'ERR_JWT_ALGORITHM';
  override readonly description = 'the token algorithm is not accepted';
}

/**
 * The key does not fit the algorithm: an RSA public key offered for HS256 (key confusion), an
 * HMAC key shorter than 256 bits, an RSA modulus under 2048 bits, a P-384 key for ES256.
 */
export class JwtKeyError extends JwtInvalidError {
  override readonly code = 'ERR_JWT_KEY';
  override readonly description = 'no acceptable key for this token';
}

/** The signature does not verify: header, payload or signature were changed, or the key is wrong. */
export class JwtSignatureError extends JwtInvalidError {
  override readonly code = 'ERR_JWT_SIGNATURE';
  override readonly description = 'the token signature is invalid';
}

/** The header lists a `crit` extension the verifier does not understand (RFC 7515 §4.1.11). */
export class JwtCritError extends JwtInvalidError {
  override readonly code = 'ERR_JWT_CRIT';
  override readonly description = 'the token has a critical header parameter that is not accepted';
}

/** `exp` is in the past, beyond the clock tolerance. */
export class JwtExpiredError extends JwtInvalidError {
  override readonly code = 'ERR_JWT_EXPIRED';
  override readonly description = 'the token expired';
}

/** `nbf` is in the future, beyond the clock tolerance. */
export class JwtNotYetValidError extends JwtInvalidError {
  override readonly code = 'ERR_JWT_NOT_YET_VALID';
  override readonly description = 'the token is not valid yet';
}

/** A claim is missing, malformed or has the wrong value (`iss`, `aud`, `sub`, `typ`, …). */
export class JwtClaimError extends JwtInvalidError {
  override readonly code = 'ERR_JWT_CLAIM';
  override readonly description = 'a token claim is missing or not accepted';
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
  override readonly code: string;
  override readonly status: number;
  /** The RFC 6749 error code sent to the client. */
  readonly error: OAuthErrorCode;
  /** The `error_description` sent: the message when it is safe to send, else the error code's own words. */
  override readonly description: string;
  constructor(error: OAuthErrorCode, description: string, options?: ErrorOptions) {
    super(description, options);
    this.error = error;
    this.description = isSafeDescription(description) ? description : error.replace(/_/g, ' ');
    this.code = `ERR_OAUTH_${error.toUpperCase()}`;
    this.status = error === 'invalid_client' ? 401 : error === 'server_error' ? 500 : 400;
  }
}
