/** Who made a request, and what they may do: the result of authentication. */
export interface Principal {
  /** The user or client id (`sub` of a JWT, the user-id of Basic, the subject of an API key). */
  subject: string;
  /** OAuth-style scopes granted, e.g. `books:write`. */
  scopes: readonly string[];
  /** Roles held, e.g. `librarian`. */
  roles: readonly string[];
  /** The authentication scheme that proved it. */
  scheme: string;
}

/** The headers an authenticator reads (a Node.js `IncomingHttpHeaders` fits). */
export type RequestHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * One way of authenticating. The authorizer asks each in turn for its credentials; the first
 * that finds some authenticates the request.
 */
export interface Authenticator {
  /** The scheme named in `WWW-Authenticate` challenges, e.g. `Bearer`. */
  readonly scheme: string;
  /** Extra challenge parameters (after `realm`), e.g. `charset="UTF-8"` for Basic. */
  readonly challengeParameters?: string;
  /** The credentials this authenticator reads from `headers`, or `undefined` when there are none. */
  credentials(headers: RequestHeaders): string | undefined;
  /** Proves the credentials or throws an {@link AuthError}. */
  authenticate(credentials: string): Principal | Promise<Principal>;
}
