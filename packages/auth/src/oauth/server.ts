/**
 * How it works: an OAuth 2.0 authorization server reduced to what RFC 9700 (the security best
 * current practice) leaves standing.
 *
 *   authorize   client + exact redirect URI checked first (errors shown, never redirected),
 *               then response_type=code, PKCE S256 (plain or missing refused) and scope
 *               (errors redirected with state and iss) -> a code, 60 s, single use
 *   token       authorization_code: code + same redirect_uri + code_verifier -> access + refresh
 *               refresh_token: rotated on every use; a used one coming back revokes the grant
 *               client_credentials: confidential clients only -> access token, no refresh
 *   introspect  is this token active? (RFC 7662), for resource servers
 *
 * A grant is the family of tokens issued from one code. Replaying the code, or a rotated refresh
 * token, is proof that someone else holds a copy, so the whole family is revoked: introspection
 * reports its access tokens inactive and its refresh token stops working. Access tokens are JWTs
 * (RFC 9068, EdDSA): a resource server may verify them offline, and then learns of a revocation
 * only when the short-lived token expires; introspection knows at once.
 *
 * Codes, refresh tokens and client secrets are stored as SHA-256 digests only.
 */
import { generateKeyPairSync, type KeyObject, createPublicKey } from 'node:crypto';
import { constantTimeEqual, randomToken, sha256 } from '../encoding.js';
import { OAuthError } from '../errors.js';
import { signJwt } from '../jwt/sign.js';
import { verifyJwt } from '../jwt/verify.js';
import { ExpiryQueue } from './expiry.js';
import { parseParameters } from './parameters.js';
import { isPkceChallenge, verifyPkce } from './pkce.js';
import type {
  AuthorizationRequest,
  AuthorizationServerMetadata,
  ClientAuthentication,
  ClientRegistration,
  IntrospectionResponse,
  TokenResponse,
} from './types.js';

/** Options of {@link AuthorizationServer}. */
export interface AuthorizationServerOptions {
  /** The issuer identifier, an https (or loopback http) URL without query or fragment. */
  issuer: string;
  /** `aud` of the access tokens: the resource server(s) they are for. Default: the issuer. */
  audience?: string;
  /** Ed25519 private key signing access tokens; generated when absent. */
  signingKey?: KeyObject;
  accessTokenTtlSeconds?: number;
  codeTtlSeconds?: number;
  refreshTokenTtlSeconds?: number;
  /** Millisecond clock; default `Date.now`. */
  clock?: () => number;
}

interface StoredClient extends ClientRegistration {
  secretHash?: Buffer;
}

interface StoredCode {
  clientId: string;
  redirectUri: string;
  scope: string[];
  subject: string;
  challenge: string;
  expiresAt: number;
  used: boolean;
  grantId?: string;
}

interface Grant {
  clientId: string;
  subject: string;
  scope: string[];
  revoked: boolean;
  /** When the last token issued from it (access or refresh) expires: then the grant is forgotten. */
  expiresAt: number;
  /** Digest of the code it was redeemed from, kept while the grant lives so a replay revokes it. */
  code?: string;
}

/** What the expiry queue holds: which store, which key. */
type Stored = { store: 'code' | 'grant' | 'refresh'; key: string };

interface StoredRefresh {
  grantId: string;
  expiresAt: number;
  rotated: boolean;
}

const CLIENT_ID = /^[\x20-\x7e]{1,128}$/; // VSCHAR, RFC 6749 appendix A.1

/** A parameter when it is the record's own, as a string; never an inherited `constructor` or `toString`. */
function own(params: object, name: string): string | undefined {
  const value: unknown = Object.hasOwn(params, name) ? (params as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** The string-valued own entries of `params`, in a record without a prototype. */
function ownStrings(params: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const result = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(params)) if (typeof value === 'string') result[name] = value;
  return result;
}

function scopeList(scope: string | undefined): string[] | undefined {
  return scope === undefined ? undefined : [...new Set(scope.split(' ').filter(Boolean))];
}

/**
 * A small OAuth 2.0 authorization server, transport-free: {@link createAuthorizationServerHandler}
 * puts it on HTTP.
 *
 * @example
 * ```ts
 * const as = new AuthorizationServer({ issuer: 'http://127.0.0.1:9000', audience: 'bookshelf' });
 * const { clientSecret } = as.registerClient({
 *   clientId: 'reports', scopes: ['books:read'], grantTypes: ['client_credentials'], confidential: true,
 * });
 * const tokens = as.token({ grant_type: 'client_credentials', scope: 'books:read' }, { clientId: 'reports', clientSecret });
 * as.introspect(tokens.access_token, { clientId: 'reports', clientSecret }).active; // true
 * ```
 */
export class AuthorizationServer {
  readonly #issuer: string;
  readonly #audience: string;
  readonly #signingKey: KeyObject;
  readonly #publicKey: KeyObject;
  readonly #kid: string;
  readonly #clock: () => number;
  readonly #ttl: { access: number; code: number; refresh: number };
  readonly #clients = new Map<string, StoredClient>();
  readonly #codes = new Map<string, StoredCode>();
  readonly #grants = new Map<string, Grant>();
  readonly #refreshTokens = new Map<string, StoredRefresh>();
  readonly #expiries = new ExpiryQueue<Stored>();

  constructor(options: AuthorizationServerOptions) {
    const url = new URL(options.issuer);
    if (url.search || url.hash) throw new TypeError('the issuer must not have a query or fragment');
    this.#issuer = options.issuer.replace(/\/$/, '');
    this.#audience = options.audience ?? this.#issuer;
    this.#signingKey = options.signingKey ?? generateKeyPairSync('ed25519').privateKey;
    this.#publicKey = createPublicKey(this.#signingKey);
    this.#kid = sha256(this.#publicKey.export({ format: 'der', type: 'spki' }).toString('base64')).toString('base64url').slice(0, 16);
    this.#clock = options.clock ?? Date.now;
    for (const name of ['accessTokenTtlSeconds', 'codeTtlSeconds', 'refreshTokenTtlSeconds'] as const) {
      const value: unknown = options[name];
      if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)) {
        throw new TypeError(`options.${name} must be a finite number of seconds > 0`);
      }
    }
    if (typeof this.#clock !== 'function') throw new TypeError('options.clock must be a function');
    this.#ttl = {
      access: options.accessTokenTtlSeconds ?? 300,
      code: options.codeTtlSeconds ?? 60,
      refresh: options.refreshTokenTtlSeconds ?? 14 * 24 * 3600,
    };
  }

  /** The issuer identifier, the `iss` of every token. */
  get issuer(): string {
    return this.#issuer;
  }

  /** The public key resource servers verify access tokens with (`alg` EdDSA). */
  get publicKey(): KeyObject {
    return this.#publicKey;
  }

  /** The public key as a JWK Set (RFC 7517), for `jwks_uri`. */
  jwks(): { keys: Record<string, unknown>[] } {
    return { keys: [{ ...this.#publicKey.export({ format: 'jwk' }), kid: this.#kid, alg: 'EdDSA', use: 'sig' }] };
  }

  /** Server metadata (RFC 8414) with endpoints under the issuer URL. */
  metadata(): AuthorizationServerMetadata {
    const at = (path: string) => `${this.#issuer}${path}`;
    return {
      issuer: this.#issuer,
      authorization_endpoint: at('/authorize'),
      token_endpoint: at('/token'),
      introspection_endpoint: at('/introspect'),
      jwks_uri: at('/jwks.json'),
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'none'],
      authorization_response_iss_parameter_supported: true,
    };
  }

  /** Registers a client. A confidential client gets a secret, returned once and stored hashed. */
  registerClient(registration: ClientRegistration): { clientId: string; clientSecret?: string } {
    if (!CLIENT_ID.test(registration.clientId)) throw new TypeError('clientId must be 1 to 128 printable ASCII characters');
    if (this.#clients.has(registration.clientId)) throw new TypeError(`client "${registration.clientId}" is already registered`);
    for (const uri of registration.redirectUris ?? []) {
      if (new URL(uri).hash) throw new TypeError('a redirect URI must not have a fragment');
    }
    if (registration.grantTypes.includes('client_credentials') && !registration.confidential) {
      throw new TypeError('client_credentials needs a confidential client');
    }
    const stored: StoredClient = { ...registration, redirectUris: [...(registration.redirectUris ?? [])], scopes: [...registration.scopes] };
    let clientSecret: string | undefined;
    if (registration.confidential) {
      clientSecret = randomToken(32);
      stored.secretHash = sha256(clientSecret);
    }
    this.#clients.set(registration.clientId, stored);
    return clientSecret === undefined ? { clientId: registration.clientId } : { clientId: registration.clientId, clientSecret };
  }

  /**
   * Handles an authorization request for `subject`, a resource owner who has logged in and
   * consented. Returns the URL to redirect the browser to: the client's redirect URI with `code`,
   * `state` and `iss`, or with `error` when the request is bad in a way the client should learn.
   *
   * @throws OAuthError `invalid_request` when the client or redirect URI is unknown: redirecting
   *   then would make this server an open redirector, so the error is shown to the user instead.
   */
  authorize(query: AuthorizationRequest | URLSearchParams, subject: string): string {
    const { values, repeated }: { values: object; repeated: readonly string[] } = query instanceof URLSearchParams ? parseParameters(query) : { values: query, repeated: [] };
    const request: AuthorizationRequest = {
      response_type: own(values, 'response_type'), client_id: own(values, 'client_id'), redirect_uri: own(values, 'redirect_uri'),
      scope: own(values, 'scope'), state: own(values, 'state'),
      code_challenge: own(values, 'code_challenge'), code_challenge_method: own(values, 'code_challenge_method'),
    };
    // A repeated client_id or redirect_uri leaves no trustworthy place to redirect to: shown, never redirected.
    if (repeated.includes('client_id') || repeated.includes('redirect_uri')) throw new OAuthError('invalid_request', 'client_id or redirect_uri is repeated');
    const client = request.client_id === undefined ? undefined : this.#clients.get(request.client_id);
    if (!client) throw new OAuthError('invalid_request', 'unknown client_id');
    const redirectUri = request.redirect_uri;
    if (redirectUri === undefined || !(client.redirectUris ?? []).includes(redirectUri)) {
      throw new OAuthError('invalid_request', 'redirect_uri does not exactly match a registered URI');
    }
    const target = new URL(redirectUri);
    const reply = (params: Record<string, string>): string => {
      for (const [name, value] of Object.entries(params)) target.searchParams.set(name, value);
      if (request.state !== undefined) target.searchParams.set('state', request.state);
      target.searchParams.set('iss', this.#issuer);
      return target.href;
    };
    const fail = (error: string, description: string) => reply({ error, error_description: description });
    if (repeated.length > 0) return fail('invalid_request', 'a parameter is repeated (RFC 6749 section 3.1)');
    if (request.response_type !== 'code') return fail('unsupported_response_type', 'only response_type=code is supported');
    if (!client.grantTypes.includes('authorization_code')) return fail('unauthorized_client', 'client may not use the authorization code grant');
    if (request.code_challenge === undefined) return fail('invalid_request', 'code_challenge is required (PKCE)');
    if (request.code_challenge_method !== 'S256') return fail('invalid_request', 'code_challenge_method must be S256');
    if (!isPkceChallenge(request.code_challenge)) return fail('invalid_request', 'code_challenge is not an S256 challenge');
    const scope = this.#grantableScope(client, request.scope);
    if (!scope) return fail('invalid_scope', 'the requested scope exceeds what the client may ask for');
    this.#sweep();
    const code = randomToken(32);
    const key = this.#digest(code);
    const expiresAt = this.#clock() + this.#ttl.code * 1000;
    this.#codes.set(key, { clientId: client.clientId, redirectUri, scope, subject, challenge: request.code_challenge, expiresAt, used: false });
    this.#expiries.push(expiresAt, { store: 'code', key });
    return reply({ code });
  }

  /**
   * The token endpoint (RFC 6749 §3.2): `params` are the form fields, `client` the client's
   * authentication (or just its id, for a public client).
   *
   * @throws OAuthError with the RFC 6749 §5.2 error code.
   */
  token(params: Readonly<Record<string, string | undefined>>, client: ClientAuthentication | undefined): TokenResponse {
    this.#sweep();
    const registered = this.#authenticateClient(client);
    params = ownStrings(params);
    const grantType = params.grant_type;
    if (grantType !== 'authorization_code' && grantType !== 'refresh_token' && grantType !== 'client_credentials') {
      throw new OAuthError('unsupported_grant_type', 'grant_type is not supported');
    }
    if (!registered.grantTypes.includes(grantType)) throw new OAuthError('unauthorized_client', `client may not use ${grantType}`);
    if (grantType === 'authorization_code') return this.#redeemCode(registered, params);
    if (grantType === 'refresh_token') return this.#refresh(registered, params);
    const scope = this.#grantableScope(registered, params.scope);
    if (!scope) throw new OAuthError('invalid_scope', 'the requested scope exceeds what the client may ask for');
    const grantId = this.#newGrant({ clientId: registered.clientId, subject: registered.clientId, scope, revoked: false, expiresAt: 0 });
    return this.#issue(grantId, false);
  }

  /**
   * Token introspection (RFC 7662) for an authenticated confidential client, typically a
   * resource server: `{ active: false }` for anything expired, revoked, forged or unknown.
   * An active access token says `token_type: 'Bearer'`, its type as the token endpoint issued it
   * (RFC 7662 §2.2, RFC 6749 §5.1); an active refresh token has no such type, so it carries no
   * `token_type` (the member is optional) and no `aud`. A request's `token_type_hint` ("access_token",
   * "refresh_token": RFC 7662 §2.1) is not needed: the server tells the two apart by their shape,
   * which the RFC allows, and so a wrong hint can never hide a token.
   */
  introspect(token: string, client: ClientAuthentication | undefined): IntrospectionResponse {
    this.#sweep();
    const caller = this.#authenticateClient(client);
    if (!caller.confidential) throw new OAuthError('invalid_client', 'introspection needs a confidential client');
    const inactive: IntrospectionResponse = { active: false };
    if (token.split('.').length === 3) {
      try {
        const { payload } = verifyJwt(token, this.#publicKey, {
          algorithms: ['EdDSA'], issuer: this.#issuer, typ: 'at+jwt', requiredClaims: ['exp', 'jti', 'grant'], clock: this.#clock,
        });
        const grant = this.#grants.get(String(payload.grant));
        if (!grant || grant.revoked) return inactive;
        // The token's own scope: a refresh may have narrowed it below the grant's (RFC 6749 §6).
        const scope = typeof payload.scope === 'string' ? payload.scope : '';
        return {
          active: true, token_type: 'Bearer', scope, client_id: grant.clientId, sub: grant.subject,
          iss: this.#issuer, aud: this.#audience, exp: payload.exp as number, iat: payload.iat as number,
        };
      } catch {
        return inactive;
      }
    }
    const stored = this.#refreshTokens.get(this.#digest(token));
    const grant = stored && this.#grants.get(stored.grantId);
    if (!stored || !grant || grant.revoked || stored.rotated || this.#clock() >= stored.expiresAt) return inactive;
    return {
      active: true, scope: grant.scope.join(' '), client_id: grant.clientId, sub: grant.subject,
      iss: this.#issuer, exp: Math.floor(stored.expiresAt / 1000),
    };
  }

  #redeemCode(client: StoredClient, params: Readonly<Record<string, string | undefined>>): TokenResponse {
    const key = params.code === undefined ? undefined : this.#digest(params.code);
    const stored = key === undefined ? undefined : this.#codes.get(key);
    if (!stored || stored.clientId !== client.clientId) throw new OAuthError('invalid_grant', 'unknown authorization code');
    if (stored.used) {
      if (stored.grantId !== undefined) this.#revokeGrant(stored.grantId);
      throw new OAuthError('invalid_grant', 'authorization code already used; the tokens issued from it are revoked');
    }
    stored.used = true;
    if (this.#clock() >= stored.expiresAt) throw new OAuthError('invalid_grant', 'authorization code expired');
    if (params.redirect_uri !== stored.redirectUri) throw new OAuthError('invalid_grant', 'redirect_uri differs from the authorization request');
    if (params.code_verifier === undefined) throw new OAuthError('invalid_grant', 'code_verifier is required (PKCE)');
    if (!verifyPkce(params.code_verifier, stored.challenge)) throw new OAuthError('invalid_grant', 'code_verifier does not match the code_challenge');
    stored.grantId = this.#newGrant({ clientId: client.clientId, subject: stored.subject, scope: stored.scope, revoked: false, expiresAt: 0, code: key as string });
    return this.#issue(stored.grantId, client.grantTypes.includes('refresh_token'));
  }

  #refresh(client: StoredClient, params: Readonly<Record<string, string | undefined>>): TokenResponse {
    const stored = params.refresh_token === undefined ? undefined : this.#refreshTokens.get(this.#digest(params.refresh_token));
    const grant = stored && this.#grants.get(stored.grantId);
    if (!stored || !grant || grant.clientId !== client.clientId) throw new OAuthError('invalid_grant', 'unknown refresh token');
    if (stored.rotated) {
      this.#revokeGrant(stored.grantId);
      throw new OAuthError('invalid_grant', 'refresh token reused; the grant is revoked');
    }
    if (grant.revoked) throw new OAuthError('invalid_grant', 'the grant was revoked');
    if (this.#clock() >= stored.expiresAt) throw new OAuthError('invalid_grant', 'refresh token expired');
    const narrowed = scopeList(params.scope);
    if (narrowed && !narrowed.every((s) => grant.scope.includes(s))) throw new OAuthError('invalid_scope', 'a refresh cannot widen the scope');
    stored.rotated = true;
    return this.#issue(stored.grantId, true, narrowed);
  }

  #issue(grantId: string, withRefresh: boolean, narrowed?: string[]): TokenResponse {
    const grant = this.#grants.get(grantId) as Grant;
    const scope = (narrowed ?? grant.scope).join(' ');
    const accessToken = signJwt(
      { iss: this.#issuer, sub: grant.subject, aud: this.#audience, client_id: grant.clientId, scope, jti: randomToken(16), grant: grantId },
      this.#signingKey,
      { alg: 'EdDSA', typ: 'at+jwt', kid: this.#kid, expiresInSeconds: this.#ttl.access, clock: this.#clock },
    );
    const response: TokenResponse = { access_token: accessToken, token_type: 'Bearer', expires_in: this.#ttl.access, scope };
    const now = this.#clock();
    // The access token's exp is whole seconds from numericDate(clock); a second more covers the rounding.
    let lastExpiry = now + (this.#ttl.access + 1) * 1000;
    if (withRefresh) {
      const refreshToken = randomToken(32);
      const key = this.#digest(refreshToken);
      const expiresAt = now + this.#ttl.refresh * 1000;
      this.#refreshTokens.set(key, { grantId, expiresAt, rotated: false });
      this.#expiries.push(expiresAt, { store: 'refresh', key });
      response.refresh_token = refreshToken;
      lastExpiry = Math.max(lastExpiry, expiresAt);
    }
    if (lastExpiry > grant.expiresAt) {
      grant.expiresAt = lastExpiry;
      this.#expiries.push(lastExpiry, { store: 'grant', key: grantId });
    }
    return response;
  }

  #authenticateClient(auth: ClientAuthentication | undefined): StoredClient {
    const client = auth && this.#clients.get(auth.clientId);
    const presented = sha256(auth?.clientSecret ?? '');
    const secretOk = constantTimeEqual(presented, client?.secretHash ?? sha256('\0no client secret'));
    if (!client) throw new OAuthError('invalid_client', 'client authentication failed');
    if (client.confidential ? !secretOk : auth?.clientSecret !== undefined) {
      throw new OAuthError('invalid_client', 'client authentication failed');
    }
    return client;
  }

  #grantableScope(client: StoredClient, requested: string | undefined): string[] | undefined {
    const scope = scopeList(requested) ?? client.scopes;
    return scope.every((s) => client.scopes.includes(s)) ? [...scope] : undefined;
  }

  #newGrant(grant: Grant): string {
    const id = randomToken(16);
    this.#grants.set(id, grant);
    return id;
  }

  #revokeGrant(grantId: string): void {
    const grant = this.#grants.get(grantId);
    if (grant) grant.revoked = true;
  }

  #digest(token: string): string {
    return sha256(token).toString('base64url');
  }

  /**
   * Forgets what has expired, at the first request after it did: unused codes at their expiry,
   * refresh tokens at theirs (a rotated one is kept until then, so its reuse is still caught),
   * and a grant once every token issued from it has expired, together with the code it was
   * redeemed from (whose replay, until then, revokes the grant).
   */
  #sweep(): void {
    this.#expiries.drain(this.#clock(), ({ store, key }) => {
      if (store === 'refresh') {
        this.#refreshTokens.delete(key);
      } else if (store === 'code') {
        const code = this.#codes.get(key);
        if (code && !(code.grantId !== undefined && this.#grants.has(code.grantId))) this.#codes.delete(key);
      } else {
        const grant = this.#grants.get(key);
        if (grant === undefined || grant.expiresAt > this.#clock()) return;
        this.#grants.delete(key);
        if (grant.code !== undefined) this.#codes.delete(grant.code);
      }
    });
  }

  /** How many codes, grants and refresh tokens are stored now: what the sweep keeps bounded. */
  stored(): { codes: number; grants: number; refreshTokens: number } {
    this.#sweep();
    return { codes: this.#codes.size, grants: this.#grants.size, refreshTokens: this.#refreshTokens.size };
  }
}
