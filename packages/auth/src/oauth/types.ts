/** The grants this authorization server implements. The implicit and password grants are absent on purpose (RFC 9700 §2.1.2, §2.4). */
export type GrantType = 'authorization_code' | 'refresh_token' | 'client_credentials';

/** A client as registered with the authorization server. */
export interface ClientRegistration {
  clientId: string;
  /** Exact redirect URIs: compared as strings, no prefixes, no patterns (RFC 9700 §4.1.3). */
  redirectUris?: readonly string[];
  /** The scopes this client may ask for; also the default when a request names none. */
  scopes: readonly string[];
  grantTypes: readonly GrantType[];
  /** A confidential client (a server) keeps a secret; a public one (a browser app, a CLI) cannot. */
  confidential: boolean;
}

/** A client's proof of identity at the token and introspection endpoints. */
export interface ClientAuthentication {
  clientId: string;
  clientSecret?: string;
}

/** Parameters of an authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3). */
export interface AuthorizationRequest {
  response_type?: string | undefined;
  client_id?: string | undefined;
  redirect_uri?: string | undefined;
  scope?: string | undefined;
  state?: string | undefined;
  code_challenge?: string | undefined;
  code_challenge_method?: string | undefined;
}

/** A successful token response (RFC 6749 §5.1). */
export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
  refresh_token?: string;
}

/**
 * The `token_type_hint` values of an introspection request (RFC 7662 §2.1; the values are
 * RFC 7009 §2.1's): what the caller believes it holds. Not the response's `token_type`.
 */
export type TokenTypeHint = 'access_token' | 'refresh_token';

/** An introspection response (RFC 7662 §2.2). Inactive tokens say nothing else. */
export interface IntrospectionResponse {
  active: boolean;
  /** The RFC 6749 §5.1 type of an active access token; absent for a refresh token. */
  token_type?: 'Bearer';
  scope?: string;
  client_id?: string;
  sub?: string;
  iss?: string;
  aud?: string;
  exp?: number;
  iat?: number;
}

/** Authorization server metadata (RFC 8414), enough for {@link OAuthClient.discover}. */
export interface AuthorizationServerMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  introspection_endpoint: string;
  jwks_uri: string;
  response_types_supported: string[];
  grant_types_supported: string[];
  code_challenge_methods_supported: string[];
  token_endpoint_auth_methods_supported: string[];
  authorization_response_iss_parameter_supported: boolean;
}
