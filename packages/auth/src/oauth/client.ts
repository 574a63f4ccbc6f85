/**
 * How it works: the client side of the authorization code flow with PKCE, step by step.
 *
 *   1. startAuthorization  -> a URL for the browser, plus { state, codeVerifier } kept in the
 *                             user's session (never in the URL)
 *   2. the user logs in at the authorization server, which redirects back with ?code&state&iss
 *   3. handleCallback      -> checks iss and state (CSRF and mix-up defences), returns the code
 *   4. exchangeCode        -> POST /token with the code, the same redirect_uri and the verifier
 *   5. refresh             -> a new access token and a new refresh token; drop the old one
 */
import { constantTimeStringEqual, randomToken } from '../encoding.js';
import { OAuthError, type OAuthErrorCode } from '../errors.js';
import { createPkcePair } from './pkce.js';
import type { AuthorizationServerMetadata, IntrospectionResponse, TokenResponse, TokenTypeHint } from './types.js';

/** Options of {@link OAuthClient}. */
export interface OAuthClientOptions {
  metadata: AuthorizationServerMetadata;
  clientId: string;
  /** Only for confidential clients; sent with client_secret_basic. */
  clientSecret?: string;
  redirectUri?: string;
  /** Default `globalThis.fetch`. */
  fetch?: typeof fetch;
}

/** What the client keeps between {@link OAuthClient.startAuthorization} and the callback. */
export interface PendingAuthorization {
  url: string;
  state: string;
  codeVerifier: string;
}

function formEncode(text: string): string {
  return encodeURIComponent(text).replace(/%20/g, '+');
}

/**
 * An OAuth 2.0 client for an {@link AuthorizationServer} (or any server that follows RFC 9700).
 *
 * @example
 * ```ts
 * const client = await OAuthClient.discover(issuer, { clientId: 'spa', redirectUri: 'http://127.0.0.1:3000/callback' });
 * const pending = client.startAuthorization('books:read books:write');
 * // … the browser visits pending.url and comes back to the redirect URI …
 * const code = client.handleCallback(callbackUrl, pending);
 * const tokens = await client.exchangeCode(code, pending);
 * ```
 */
export class OAuthClient {
  readonly #options: OAuthClientOptions;
  readonly #fetch: typeof fetch;

  constructor(options: OAuthClientOptions) {
    this.#options = options;
    this.#fetch = options.fetch ?? globalThis.fetch;
  }

  /** Reads the server's RFC 8414 metadata and checks that it names the same issuer. */
  static async discover(issuer: string, options: Omit<OAuthClientOptions, 'metadata'>): Promise<OAuthClient> {
    const fetcher = options.fetch ?? globalThis.fetch;
    const response = await fetcher(`${issuer.replace(/\/$/, '')}/.well-known/oauth-authorization-server`);
    if (!response.ok) throw new OAuthError('server_error', `metadata request failed with ${response.status}`);
    const metadata = (await response.json()) as AuthorizationServerMetadata;
    if (metadata.issuer !== issuer.replace(/\/$/, '')) throw new OAuthError('server_error', 'the metadata names another issuer');
    return new OAuthClient({ ...options, metadata });
  }

  /** Step 1: a fresh state and PKCE pair, and the authorization URL carrying the challenge. */
  startAuthorization(scope: string): PendingAuthorization {
    const { redirectUri } = this.#options;
    if (redirectUri === undefined) throw new TypeError('startAuthorization needs options.redirectUri');
    const pkce = createPkcePair();
    const state = randomToken(16);
    const url = new URL(this.#options.metadata.authorization_endpoint);
    url.search = new URLSearchParams({
      response_type: 'code', client_id: this.#options.clientId, redirect_uri: redirectUri, scope, state,
      code_challenge: pkce.challenge, code_challenge_method: pkce.method,
    }).toString();
    return { url: url.href, state, codeVerifier: pkce.verifier };
  }

  /**
   * Step 3: reads the redirect back. Throws {@link OAuthError} when the server sent an error,
   * when `iss` is not this client's server (mix-up attack, RFC 9207), or when `state` differs
   * (cross-site request forgery).
   */
  handleCallback(callbackUrl: string, pending: PendingAuthorization): string {
    const params = new URL(callbackUrl).searchParams;
    if (params.get('iss') !== this.#options.metadata.issuer) throw new OAuthError('invalid_request', 'the response comes from another issuer');
    if (!constantTimeStringEqual(params.get('state') ?? '', pending.state)) throw new OAuthError('invalid_request', 'state mismatch');
    const error = params.get('error');
    if (error !== null) throw new OAuthError(error as OAuthErrorCode, params.get('error_description') ?? error);
    const code = params.get('code');
    if (code === null) throw new OAuthError('invalid_request', 'the callback has no code');
    return code;
  }

  /** Step 4: redeems the code with the PKCE verifier. */
  exchangeCode(code: string, pending: PendingAuthorization): Promise<TokenResponse> {
    return this.#post(this.#options.metadata.token_endpoint, {
      grant_type: 'authorization_code', code, redirect_uri: this.#options.redirectUri ?? '', code_verifier: pending.codeVerifier,
    }) as Promise<TokenResponse>;
  }

  /** Step 5: trades a refresh token for new tokens. The old refresh token is dead afterwards. */
  refresh(refreshToken: string, scope?: string): Promise<TokenResponse> {
    const params: Record<string, string> = { grant_type: 'refresh_token', refresh_token: refreshToken };
    if (scope !== undefined) params.scope = scope;
    return this.#post(this.#options.metadata.token_endpoint, params) as Promise<TokenResponse>;
  }

  /** Machine to machine: a token for this (confidential) client itself. */
  clientCredentials(scope?: string): Promise<TokenResponse> {
    const params: Record<string, string> = { grant_type: 'client_credentials' };
    if (scope !== undefined) params.scope = scope;
    return this.#post(this.#options.metadata.token_endpoint, params) as Promise<TokenResponse>;
  }

  /**
   * Asks the server whether `token` is active (this client must be confidential). `hint` is sent
   * as `token_type_hint` (RFC 7662 §2.1): only a lookup hint; the answer's `token_type` is
   * `'Bearer'` for an access token and absent for a refresh token.
   */
  introspect(token: string, hint?: TokenTypeHint): Promise<IntrospectionResponse> {
    const params: Record<string, string> = { token };
    if (hint !== undefined) params.token_type_hint = hint;
    return this.#post(this.#options.metadata.introspection_endpoint, params) as Promise<IntrospectionResponse>;
  }

  async #post(endpoint: string, params: Record<string, string>): Promise<unknown> {
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    const { clientId, clientSecret } = this.#options;
    const body = new URLSearchParams(params);
    if (clientSecret === undefined) body.set('client_id', clientId);
    else headers.authorization = `Basic ${Buffer.from(`${formEncode(clientId)}:${formEncode(clientSecret)}`).toString('base64')}`;
    const response = await this.#fetch(endpoint, { method: 'POST', headers, body });
    const json = (await response.json()) as { error?: OAuthErrorCode; error_description?: string };
    if (!response.ok) throw new OAuthError(json.error ?? 'server_error', json.error_description ?? `HTTP ${response.status}`);
    return json;
  }
}

