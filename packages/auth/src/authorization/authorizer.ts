/**
 * How it works: `check(headers, requirement)` answers one question per request.
 *
 *   no credentials at all                  -> 401, a challenge per scheme, no error code
 *   credentials present but not valid      -> 401, the scheme's challenge with error="invalid_token"
 *                                             (or "invalid_request" when malformed)
 *   valid, but a scope or role is missing  -> 403, with error="insufficient_scope" and the scope
 *   valid and sufficient                   -> the principal
 *
 * 401 means "I do not know who you are" and must carry `WWW-Authenticate` (RFC 9110 §15.5.2).
 * 403 means "I know who you are, and the answer is no": authenticating again will not help.
 */
import { AuthError, ForbiddenError, MalformedCredentialsError, MissingCredentialsError } from '../errors.js';
import { quoteHeaderValue } from '../basic.js';
import type { Authenticator, Principal, RequestHeaders } from './principal.js';

/** What a route needs: every listed scope and every listed role. */
export interface Requirement {
  scopes?: readonly string[];
  roles?: readonly string[];
}

/** The outcome of {@link Authorizer.check}. */
export type AuthorizationResult =
  | { ok: true; principal: Principal }
  | { ok: false; status: 401 | 403; error: AuthError; wwwAuthenticate: string[] };

/** Checks requests against a list of authenticators. */
export interface Authorizer {
  /** Authenticates the request and checks `requirement`; never throws for bad credentials. */
  check(headers: RequestHeaders, requirement?: Requirement): Promise<AuthorizationResult>;
}

/** Options of {@link createAuthorizer}. */
export interface AuthorizerOptions {
  /** Tried in order; the first that finds credentials decides. */
  authenticators: readonly Authenticator[];
  /** The protection space named in challenges, e.g. `bookshelf`. */
  realm: string;
}

/**
 * Builds one challenge. Every value in it is fixed text or configuration (realm, the route's
 * scopes, an error class's `description`), never what the request carried: a CR, LF or a
 * character above U+00FF copied from a token header would make `node:http` throw
 * `ERR_INVALID_CHAR` while writing the 401. As a second wall, characters outside the RFC 6750 §3
 * set are replaced by `?`.
 */
function challenge(authenticator: Authenticator, realm: string, extra: Record<string, string> = {}): string {
  const params = [`realm=${quoteHeaderValue(realm)}`];
  if (authenticator.challengeParameters) params.push(authenticator.challengeParameters);
  for (const [name, value] of Object.entries(extra)) params.push(`${name}="${value.replace(/[^\x20\x21\x23-\x5b\x5d-\x7e]/g, '?')}"`);
  return `${authenticator.scheme} ${params.join(', ')}`;
}

function missing(needed: readonly string[] | undefined, held: readonly string[]): string[] {
  return (needed ?? []).filter((item) => !held.includes(item));
}

/**
 * Builds an {@link Authorizer}.
 *
 * @example
 * ```ts
 * const authorizer = createAuthorizer({ realm: 'bookshelf', authenticators: [bearerJwtAuthenticator(secret, { algorithms: ['HS256'] })] });
 * const result = await authorizer.check(request.headers, { scopes: ['books:write'] });
 * if (!result.ok) reply.code(result.status).header('www-authenticate', result.wwwAuthenticate);
 * ```
 */
export function createAuthorizer(options: AuthorizerOptions): Authorizer {
  const { authenticators, realm } = options;
  if (authenticators.length === 0) throw new TypeError('createAuthorizer needs at least one authenticator');
  if (typeof realm !== 'string' || !/^[\x20-\x7e]*$/.test(realm)) throw new TypeError('realm must be printable ASCII (it goes into WWW-Authenticate)');
  const everyChallenge = authenticators.map((a) => challenge(a, realm));

  async function check(headers: RequestHeaders, requirement: Requirement = {}): Promise<AuthorizationResult> {
    let authenticator: Authenticator | undefined;
    let credentials: string | undefined;
    for (const candidate of authenticators) {
      credentials = candidate.credentials(headers);
      if (credentials !== undefined) {
        authenticator = candidate;
        break;
      }
    }
    if (authenticator === undefined || credentials === undefined) {
      return { ok: false, status: 401, error: new MissingCredentialsError('authentication required'), wwwAuthenticate: everyChallenge };
    }
    let principal: Principal;
    try {
      principal = await authenticator.authenticate(credentials);
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      const code = error instanceof MalformedCredentialsError ? 'invalid_request' : 'invalid_token';
      // error.message may quote the token (its alg, a crit name): it is for logs, never for the header.
      const extra = authenticator.scheme === 'Bearer' ? { error: code, error_description: error.description } : {};
      return { ok: false, status: 401, error, wwwAuthenticate: [challenge(authenticator, realm, extra)] };
    }
    const missingScopes = missing(requirement.scopes, principal.scopes);
    const missingRoles = missing(requirement.roles, principal.roles);
    if (missingScopes.length === 0 && missingRoles.length === 0) return { ok: true, principal };
    const extra: Record<string, string> = { error: 'insufficient_scope' };
    if (missingScopes.length > 0) extra.scope = (requirement.scopes ?? []).join(' ');
    return {
      ok: false,
      status: 403,
      error: new ForbiddenError(missingScopes, missingRoles),
      wwwAuthenticate: authenticator.scheme === 'Bearer' ? [challenge(authenticator, realm, extra)] : [],
    };
  }

  return { check };
}
