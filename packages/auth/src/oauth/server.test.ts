import { describe, expect, it } from 'vitest';
import { OAuthError } from '../errors.js';
import { verifyJwt } from '../jwt/verify.js';
import { createPkcePair } from './pkce.js';
import { AuthorizationServer } from './server.js';
import type { AuthorizationRequest, ClientAuthentication } from './types.js';

const REDIRECT = 'https://app.example/callback';

function setup() {
  let now = 1_750_000_000_000;
  const as = new AuthorizationServer({ issuer: 'https://auth.example', audience: 'bookshelf', clock: () => now });
  as.registerClient({ clientId: 'spa', redirectUris: [REDIRECT], scopes: ['books:read', 'books:write'], grantTypes: ['authorization_code', 'refresh_token'], confidential: false });
  const rs = as.registerClient({ clientId: 'resource-server', scopes: [], grantTypes: ['client_credentials'], confidential: true });
  const reports = as.registerClient({ clientId: 'reports', scopes: ['books:read'], grantTypes: ['client_credentials'], confidential: true });
  const introspector: ClientAuthentication = { clientId: 'resource-server', clientSecret: rs.clientSecret as string };
  const spa: ClientAuthentication = { clientId: 'spa' };
  const pkce = createPkcePair();
  const request = (overrides: Partial<AuthorizationRequest> = {}): AuthorizationRequest => ({
    response_type: 'code', client_id: 'spa', redirect_uri: REDIRECT, scope: 'books:read', state: 'xyz',
    code_challenge: pkce.challenge, code_challenge_method: 'S256', ...overrides,
  });
  const codeFrom = (location: string) => new URL(location).searchParams.get('code') ?? '';
  const redeem = (code: string, overrides: Record<string, string | undefined> = {}) =>
    as.token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: pkce.verifier, ...overrides }, spa);
  const active = (token: string) => as.introspect(token, introspector).active;
  return { as, spa, introspector, reports: { clientId: 'reports', clientSecret: reports.clientSecret as string }, request, codeFrom, redeem, active, advance: (ms: number) => (now += ms) };
}

const expectOAuth = (fn: () => unknown, error: string) => expect(fn).toThrow(expect.objectContaining({ error, name: 'OAuthError' }));
const redirectError = (location: string) => Object.fromEntries(new URL(location).searchParams);

describe('authorization code with PKCE', () => {
  it('issues a code with state and iss, then tokens for the verifier', () => {
    const { as, request, codeFrom, redeem, active } = setup();
    const location = as.authorize(request(), 'ada');
    const params = new URL(location).searchParams;
    expect(location.startsWith(`${REDIRECT}?`)).toBe(true);
    expect(params.get('state')).toBe('xyz');
    expect(params.get('iss')).toBe('https://auth.example');
    const tokens = redeem(codeFrom(location));
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 300, scope: 'books:read' });
    expect(tokens.refresh_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const { header, payload } = verifyJwt(tokens.access_token, as.publicKey, { algorithms: ['EdDSA'], audience: 'bookshelf', issuer: 'https://auth.example', typ: 'at+jwt', clock: () => 1_750_000_000_000 });
    expect(header.kid).toBe(as.jwks().keys[0]?.kid);
    expect(payload).toMatchObject({ sub: 'ada', client_id: 'spa', scope: 'books:read' });
    expect(active(tokens.access_token)).toBe(true);
  });

  it('refuses a missing code_challenge, by redirecting with invalid_request', () => {
    const { as, request } = setup();
    expect(redirectError(as.authorize(request({ code_challenge: undefined }), 'ada'))).toMatchObject({ error: 'invalid_request', state: 'xyz' });
  });

  it('refuses the plain method and a missing method (which means plain)', () => {
    const { as, request } = setup();
    expect(redirectError(as.authorize(request({ code_challenge_method: 'plain' }), 'ada')).error).toBe('invalid_request');
    expect(redirectError(as.authorize(request({ code_challenge_method: undefined }), 'ada')).error).toBe('invalid_request');
  });

  it('refuses a wrong code_verifier, or none, with invalid_grant', () => {
    const { as, request, codeFrom, redeem } = setup();
    expectOAuth(() => redeem(codeFrom(as.authorize(request(), 'ada')), { code_verifier: createPkcePair().verifier }), 'invalid_grant');
    expectOAuth(() => redeem(codeFrom(as.authorize(request(), 'ada')), { code_verifier: undefined }), 'invalid_grant');
  });

  it.each([
    ['an extra path', `${REDIRECT}/evil`],
    ['a trailing slash', `${REDIRECT}/`],
    ['another host', 'https://evil.example/callback'],
    ['a query', `${REDIRECT}?next=/admin`],
    ['another case', REDIRECT.toUpperCase()],
  ])('refuses a redirect URI with %s, without redirecting', (_name, uri) => {
    const { as, request } = setup();
    expectOAuth(() => as.authorize(request({ redirect_uri: uri }), 'ada'), 'invalid_request');
  });

  it('refuses an unknown client without redirecting', () => {
    const { as, request } = setup();
    expectOAuth(() => as.authorize(request({ client_id: 'nobody' }), 'ada'), 'invalid_request');
  });

  it('refuses other response types and scopes beyond the client', () => {
    const { as, request } = setup();
    expect(redirectError(as.authorize(request({ response_type: 'token' }), 'ada')).error).toBe('unsupported_response_type');
    expect(redirectError(as.authorize(request({ scope: 'books:delete' }), 'ada')).error).toBe('invalid_scope');
  });

  it('refuses a code redeemed with another redirect_uri, or by another client', () => {
    const { as, request, codeFrom, redeem, reports } = setup();
    expectOAuth(() => redeem(codeFrom(as.authorize(request(), 'ada')), { redirect_uri: `${REDIRECT}/` }), 'invalid_grant');
    const code = codeFrom(as.authorize(request(), 'ada'));
    expectOAuth(() => as.token({ grant_type: 'authorization_code', code }, reports), 'unauthorized_client');
  });

  it('refuses an expired code', () => {
    const { as, request, codeFrom, redeem, advance } = setup();
    const code = codeFrom(as.authorize(request(), 'ada'));
    advance(60_000);
    expectOAuth(() => redeem(code), 'invalid_grant');
  });

  it('refuses a reused code and revokes what it issued; other grants live on', () => {
    const { as, request, codeFrom, redeem, active } = setup();
    const code = codeFrom(as.authorize(request(), 'ada'));
    const first = redeem(code);
    const other = redeem(codeFrom(as.authorize(request(), 'grace')));
    expectOAuth(() => redeem(code), 'invalid_grant');
    expect(active(first.access_token)).toBe(false);
    expect(active(first.refresh_token as string)).toBe(false);
    expectOAuth(() => as.token({ grant_type: 'refresh_token', refresh_token: first.refresh_token }, { clientId: 'spa' }), 'invalid_grant');
    expect(active(other.access_token)).toBe(true);
  });
});

describe('refresh token rotation', () => {
  it('rotates: each refresh returns a new refresh token and kills the old one', () => {
    const { as, request, codeFrom, redeem, spa, active } = setup();
    const first = redeem(codeFrom(as.authorize(request({ scope: 'books:read books:write' }), 'ada')));
    const second = as.token({ grant_type: 'refresh_token', refresh_token: first.refresh_token }, spa);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(active(first.refresh_token as string)).toBe(false);
    expect(active(second.refresh_token as string)).toBe(true);
    const narrowed = as.token({ grant_type: 'refresh_token', refresh_token: second.refresh_token, scope: 'books:read' }, spa);
    expect(narrowed.scope).toBe('books:read');
    expectOAuth(() => as.token({ grant_type: 'refresh_token', refresh_token: narrowed.refresh_token, scope: 'admin' }, spa), 'invalid_scope');
  });

  it('detects reuse of a rotated refresh token and revokes the whole family; other families live on', () => {
    const { as, request, codeFrom, redeem, spa, active } = setup();
    const stolen = redeem(codeFrom(as.authorize(request(), 'ada')));
    const bystander = redeem(codeFrom(as.authorize(request(), 'grace')));
    const legit = as.token({ grant_type: 'refresh_token', refresh_token: stolen.refresh_token }, spa);
    expectOAuth(() => as.token({ grant_type: 'refresh_token', refresh_token: stolen.refresh_token }, spa), 'invalid_grant');
    expect(active(legit.access_token)).toBe(false);
    expectOAuth(() => as.token({ grant_type: 'refresh_token', refresh_token: legit.refresh_token }, spa), 'invalid_grant');
    expect(active(bystander.refresh_token as string)).toBe(true);
  });

  it('refuses an expired refresh token', () => {
    const { as, request, codeFrom, redeem, spa, advance } = setup();
    const tokens = redeem(codeFrom(as.authorize(request(), 'ada')));
    advance(15 * 24 * 3600 * 1000);
    expectOAuth(() => as.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token }, spa), 'invalid_grant');
  });
});

describe('client credentials, client authentication and introspection', () => {
  it('issues an access token without a refresh token, for the client itself', () => {
    const { as, reports, active } = setup();
    const tokens = as.token({ grant_type: 'client_credentials', scope: 'books:read' }, reports);
    expect(tokens.refresh_token).toBeUndefined();
    expect(active(tokens.access_token)).toBe(true);
    expect(as.introspect(tokens.access_token, reports)).toMatchObject({ sub: 'reports', client_id: 'reports', scope: 'books:read' });
    expectOAuth(() => as.token({ grant_type: 'client_credentials', scope: 'books:write' }, reports), 'invalid_scope');
  });

  it('refuses a wrong secret, a missing one, a public client with a secret, and unknown grants', () => {
    const { as, reports, spa } = setup();
    expectOAuth(() => as.token({ grant_type: 'client_credentials' }, { ...reports, clientSecret: 'guess' }), 'invalid_client');
    expectOAuth(() => as.token({ grant_type: 'client_credentials' }, { clientId: 'reports' }), 'invalid_client');
    expectOAuth(() => as.token({ grant_type: 'client_credentials' }, { ...spa, clientSecret: 'x' }), 'invalid_client');
    expectOAuth(() => as.token({ grant_type: 'client_credentials' }, undefined), 'invalid_client');
    expectOAuth(() => as.token({ grant_type: 'password' }, reports), 'unsupported_grant_type');
    expectOAuth(() => as.token({ grant_type: 'client_credentials' }, spa), 'unauthorized_client');
  });

  it("introspection's token_type is the RFC 6749 §5.1 type: Bearer for an access token, absent for a refresh token", () => {
    const { as, request, codeFrom, redeem, introspector } = setup();
    const tokens = redeem(codeFrom(as.authorize(request(), 'ada')));
    const access = as.introspect(tokens.access_token, introspector);
    expect(access).toMatchObject({ active: true, token_type: 'Bearer', aud: 'bookshelf', sub: 'ada' });
    const refresh = as.introspect(tokens.refresh_token as string, introspector);
    expect(refresh).toMatchObject({ active: true, sub: 'ada', client_id: 'spa' });
    expect('token_type' in refresh || 'aud' in refresh).toBe(false);
  });

  it('introspection says inactive for expired, forged and unknown tokens, and needs a confidential client', () => {
    const { as, reports, active, advance, spa } = setup();
    const tokens = as.token({ grant_type: 'client_credentials' }, reports);
    expect(active('garbage')).toBe(false);
    // Change a character well inside the signature: the last one carries bits a decoder may ignore.
    const forged = tokens.access_token.slice(0, -6) + (tokens.access_token.at(-6) === 'A' ? 'B' : 'A') + tokens.access_token.slice(-5);
    expect(active(forged)).toBe(false);
    expectOAuth(() => as.introspect(tokens.access_token, spa), 'invalid_client');
    advance(300_000);
    expect(active(tokens.access_token)).toBe(false);
  });

  it('registers clients carefully', () => {
    const { as } = setup();
    expect(() => as.registerClient({ clientId: 'spa', scopes: [], grantTypes: [], confidential: false })).toThrow(/already/);
    expect(() => as.registerClient({ clientId: 'x', scopes: [], grantTypes: ['client_credentials'], confidential: false })).toThrow(TypeError);
    expect(() => as.registerClient({ clientId: 'y', redirectUris: ['https://a.example/#x'], scopes: [], grantTypes: [], confidential: false })).toThrow(/fragment/);
    expect(new OAuthError('invalid_client', 'x').status).toBe(401);
  });
});
