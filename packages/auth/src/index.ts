/**
 * `@scalable-ts/auth`: API authentication and authorization on `node:crypto`.
 *
 * @example
 * ```ts
 * import { createSecretKey, randomBytes } from 'node:crypto';
 * import { signJwt, verifyJwt } from '@scalable-ts/auth';
 *
 * const secret = createSecretKey(randomBytes(32));
 * const token = signJwt({ sub: 'ada' }, secret, { alg: 'HS256', expiresInSeconds: 60 });
 * verifyJwt(token, secret, { algorithms: ['HS256'] }).payload.sub; // 'ada'
 * ```
 * @packageDocumentation
 */
export {
  AuthError,
  type AuthErrorCode,
  type JwtErrorCode,
  MissingCredentialsError,
  MalformedCredentialsError,
  InvalidCredentialsError,
  ForbiddenError,
  ApiKeyInvalidError,
  ApiKeyRevokedError,
  ApiKeyExpiredError,
  JwtInvalidError,
  JwtAlgorithmError,
  JwtKeyError,
  JwtSignatureError,
  JwtCritError,
  JwtExpiredError,
  JwtNotYetValidError,
  JwtClaimError,
  OAuthError,
  type OAuthErrorCode,
} from './errors.js';

export { ApiKeyStore, type ApiKeyPrincipal, type ApiKeyRecord, type ApiKeyStoreOptions, type IssuedApiKey } from './api-keys.js';
export { parseBasicAuthorization, formatBasicAuthorization, basicChallenge, type BasicCredentials } from './basic.js';
export { hashPassword, verifyPassword, needsRehash, DEFAULT_SCRYPT, type ScryptParameters } from './password.js';

export { JWS_ALGORITHMS, type JwsAlgorithm, type KeyInput } from './jws/algorithms.js';
export type { JwsHeader, KeyResolver } from './jws/header.js';
export { signJws, type SignJwsOptions } from './jws/sign.js';
export { verifyJws, verifyJwsAsync, type VerifyJwsOptions, type VerifiedJws } from './jws/verify.js';
export type { JwtPayload } from './jwt/claims.js';
export { signJwt, type SignJwtOptions } from './jwt/sign.js';
export { verifyJwt, verifyJwtAsync, type VerifyJwtOptions, type VerifiedJwt } from './jwt/verify.js';

export { createPkcePair, pkceChallenge, verifyPkce, isPkceVerifier, type PkcePair } from './oauth/pkce.js';
export { AuthorizationServer, type AuthorizationServerOptions } from './oauth/server.js';
export {
  createAuthorizationServerHandler,
  listenAuthorizationServer,
  type AuthorizationServerHandlerOptions,
  type RunningAuthorizationServer,
} from './oauth/http.js';
export { OAuthClient, type OAuthClientOptions, type PendingAuthorization } from './oauth/client.js';
export type {
  AuthorizationRequest,
  AuthorizationServerMetadata,
  ClientAuthentication,
  ClientRegistration,
  GrantType,
  IntrospectionResponse,
  TokenResponse,
  TokenTypeHint,
} from './oauth/types.js';

export type { Authenticator, Principal, RequestHeaders } from './authorization/principal.js';
export {
  bearerJwtAuthenticator,
  apiKeyAuthenticator,
  basicAuthenticator,
  type BasicUser,
  type BearerJwtOptions,
} from './authorization/authenticators.js';
export { createAuthorizer, type Authorizer, type AuthorizerOptions, type AuthorizationResult, type Requirement } from './authorization/authorizer.js';
