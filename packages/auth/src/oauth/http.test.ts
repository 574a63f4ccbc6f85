import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatBasicAuthorization, parseBasicAuthorization } from '../basic.js';
import { OAuthError } from '../errors.js';
import { verifyJwt } from '../jwt/verify.js';
import { OAuthClient } from './client.js';
import { listenAuthorizationServer, type RunningAuthorizationServer } from './http.js';

const REDIRECT = 'http://127.0.0.1:1/callback';
let running: RunningAuthorizationServer;
let spa: OAuthClient;
let reports: OAuthClient;
let resourceServer: OAuthClient;

/** The browser's part: visit the authorization URL logged in as ada, return where it redirects. */
async function browse(url: string, user = 'ada'): Promise<Response> {
  return fetch(url, { redirect: 'manual', headers: { authorization: formatBasicAuthorization(user, 'pw') } });
}

beforeAll(async () => {
  running = await listenAuthorizationServer({
    audience: 'bookshelf',
    authenticateUser(request) {
      if (request.headers.authorization === undefined) return undefined;
      const { username, password } = parseBasicAuthorization(request.headers.authorization);
      return password === 'pw' ? username : undefined;
    },
  });
  const { server, issuer } = running;
  server.registerClient({ clientId: 'spa', redirectUris: [REDIRECT], scopes: ['books:read', 'books:write'], grantTypes: ['authorization_code', 'refresh_token'], confidential: false });
  const r = server.registerClient({ clientId: 'reports app:v2', scopes: ['books:read'], grantTypes: ['client_credentials'], confidential: true });
  const rs = server.registerClient({ clientId: 'bookshelf', scopes: [], grantTypes: ['client_credentials'], confidential: true });
  spa = await OAuthClient.discover(issuer, { clientId: 'spa', redirectUri: REDIRECT });
  reports = await OAuthClient.discover(issuer, { clientId: 'reports app:v2', clientSecret: r.clientSecret as string });
  resourceServer = await OAuthClient.discover(issuer, { clientId: 'bookshelf', clientSecret: rs.clientSecret as string });
});
afterAll(() => running.close());

describe('OAuth over HTTP', () => {
  it('runs the authorization code flow with PKCE end to end', async () => {
    const pending = spa.startAuthorization('books:read');
    expect(new URL(pending.url).searchParams.get('code_challenge_method')).toBe('S256');
    const response = await browse(pending.url);
    expect(response.status).toBe(302);
    const code = spa.handleCallback(response.headers.get('location') ?? '', pending);
    const tokens = await spa.exchangeCode(code, pending);
    expect(tokens.scope).toBe('books:read');
    const jwks = (await (await fetch(`${running.issuer}/jwks.json`)).json()) as { keys: { kid: string }[] };
    const { header } = verifyJwt(tokens.access_token, running.server.publicKey, { algorithms: ['EdDSA'], audience: 'bookshelf' });
    expect(header.kid).toBe(jwks.keys[0]?.kid);
    expect((await resourceServer.introspect(tokens.access_token)).active).toBe(true);
    const rotated = await spa.refresh(tokens.refresh_token as string);
    await expect(spa.refresh(tokens.refresh_token as string)).rejects.toMatchObject({ error: 'invalid_grant' });
    expect((await resourceServer.introspect(rotated.access_token)).active).toBe(false);
  });

  it('finds a token whatever token_type_hint says (RFC 7662 §2.1), and answers its RFC 6749 token_type', async () => {
    const pending = spa.startAuthorization('books:read');
    const tokens = await spa.exchangeCode(spa.handleCallback((await browse(pending.url)).headers.get('location') ?? '', pending), pending);
    const refreshToken = tokens.refresh_token as string;
    expect(await resourceServer.introspect(tokens.access_token, 'refresh_token')).toMatchObject({ active: true, token_type: 'Bearer' });
    const refresh = await resourceServer.introspect(refreshToken, 'access_token');
    expect(refresh).toMatchObject({ active: true, scope: 'books:read' });
    expect(refresh.token_type).toBeUndefined();
    expect(await resourceServer.introspect(refreshToken, 'refresh_token')).toEqual(refresh);
  });

  it('asks the user to log in with a 401 challenge', async () => {
    const response = await fetch(spa.startAuthorization('books:read').url, { redirect: 'manual' });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('Basic realm=');
  });

  it('catches a forged callback: state mismatch, another issuer, an error response', async () => {
    const pending = spa.startAuthorization('books:read');
    const location = new URL((await browse(pending.url)).headers.get('location') ?? '');
    const forged = new URL(location);
    forged.searchParams.set('state', 'attacker');
    expect(() => spa.handleCallback(forged.href, pending)).toThrow(/state/);
    forged.searchParams.set('state', pending.state);
    forged.searchParams.set('iss', 'https://evil.example');
    expect(() => spa.handleCallback(forged.href, pending)).toThrow(/issuer/);
    const denied = `${REDIRECT}?error=access_denied&state=${pending.state}&iss=${encodeURIComponent(running.issuer)}`;
    expect(() => spa.handleCallback(denied, pending)).toThrow(OAuthError);
  });

  it('shows a redirect URI mismatch as a 400, never redirecting', async () => {
    const url = new URL(spa.startAuthorization('books:read').url);
    url.searchParams.set('redirect_uri', `${REDIRECT}/`);
    const response = await browse(url.href);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('client credentials with a client id that needs form-encoding in Basic', async () => {
    const tokens = await reports.clientCredentials('books:read');
    expect(tokens.refresh_token).toBeUndefined();
    expect(await resourceServer.introspect(tokens.access_token)).toMatchObject({ active: true, client_id: 'reports app:v2' });
  });

  it('answers protocol errors as JSON with the right status', async () => {
    const post = (body: string, headers: Record<string, string> = {}) =>
      fetch(`${running.issuer}/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body });
    const badClient = await post('grant_type=client_credentials', { authorization: formatBasicAuthorization('bookshelf', 'wrong') });
    expect(badClient.status).toBe(401);
    expect(badClient.headers.get('www-authenticate')).toContain('Basic');
    expect(badClient.headers.get('cache-control')).toBe('no-store');
    const repeated = await post('grant_type=a&grant_type=b&client_id=spa');
    expect(await repeated.json()).toMatchObject({ error: 'invalid_request' });
    const json = await fetch(`${running.issuer}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(400);
    expect((await fetch(`${running.issuer}/nowhere`)).status).toBe(404);
    const huge = await post(`client_id=spa&x=${'a'.repeat(10_000)}`);
    expect(huge.status).toBe(400);
  });
});
