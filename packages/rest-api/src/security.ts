/**
 * How it works: the OpenAPI security schemes are read from the authorizer the service actually
 * runs, so the document cannot advertise a scheme this instance refuses.
 *
 * An authorizer asked about a request without credentials answers 401 with one challenge per
 * authenticator (RFC 9110 §11.6.1), in the order it tries them:
 *
 *   Bearer realm="bookshelf"                     -> bearerAuth: { type: http, scheme: bearer }
 *   Basic realm="bookshelf", charset="UTF-8"     -> basicAuth:  { type: http, scheme: basic }
 *   ApiKey realm="bookshelf", header="x-api-key" -> apiKey:     { type: apiKey, in: header, name }
 *
 * Any other scheme becomes `{ type: http, scheme: <name> }` (the IANA HTTP authentication scheme
 * registry is what `type: http` refers to). No authorizer, or one that lets an anonymous request
 * through, declares nothing.
 */
import type { Authorizer } from '@scalable-ts/auth';

/** An OpenAPI 3.1 Security Scheme Object, the two kinds the bookshelf can produce. */
export type SecurityScheme =
  | { type: 'http'; scheme: string; description?: string }
  | { type: 'apiKey'; in: 'header'; name: string; description?: string };

function schemeOf(challenge: string): [string, SecurityScheme] {
  const name = (challenge.split(' ', 1)[0] ?? '').toLowerCase();
  if (name === 'apikey') {
    const header = /(?:^|[\s,])header="([^"]+)"/.exec(challenge)?.[1] ?? 'x-api-key';
    return ['apiKey', { type: 'apiKey', in: 'header', name: header }];
  }
  return [`${name}Auth`, { type: 'http', scheme: name }];
}

/**
 * The security schemes `auth` accepts, keyed by the names the document uses.
 *
 * @example
 * ```ts
 * const auth = createAuthorizer({ realm: 'shelf', authenticators: [bearerJwtAuthenticator(key, { algorithms: ['HS256'] })] });
 * await securitySchemesOf(auth); // { bearerAuth: { type: 'http', scheme: 'bearer' } }
 * ```
 */
export async function securitySchemesOf(auth: Authorizer | false): Promise<Record<string, SecurityScheme>> {
  if (auth === false) return {};
  const anonymous = await auth.check({}, {});
  if (anonymous.ok) return {};
  return Object.fromEntries(anonymous.wwwAuthenticate.map(schemeOf));
}
