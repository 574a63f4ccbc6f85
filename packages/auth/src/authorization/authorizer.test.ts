import { createSecretKey, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ApiKeyStore } from '../api-keys.js';
import { formatBasicAuthorization } from '../basic.js';
import { signJwt } from '../jwt/sign.js';
import { hashPassword } from '../password.js';
import { apiKeyAuthenticator, basicAuthenticator, bearerJwtAuthenticator } from './authenticators.js';
import { createAuthorizer } from './authorizer.js';

const secret = createSecretKey(randomBytes(32));
const keys = new ApiKeyStore({ prefix: 'bks' });
const FAST = { log2N: 10, r: 8, p: 1 };
const librarianHash = await hashPassword('shelve-it', FAST);
const authorizer = createAuthorizer({
  realm: 'bookshelf',
  authenticators: [
    bearerJwtAuthenticator(secret, { algorithms: ['HS256'], issuer: 'https://auth.example', audience: 'bookshelf' }),
    basicAuthenticator((name) => (name === 'librarian' ? { passwordHash: librarianHash, roles: ['librarian'] } : undefined), FAST),
    apiKeyAuthenticator(keys),
  ],
});
const token = (claims: Record<string, unknown>) =>
  signJwt({ iss: 'https://auth.example', aud: 'bookshelf', sub: 'ada', ...claims }, secret, { alg: 'HS256', expiresInSeconds: 60 });
const bearer = (claims: Record<string, unknown> = {}) => ({ authorization: `Bearer ${token(claims)}` });

describe('createAuthorizer', () => {
  it('401 without credentials, with one challenge per scheme and no error code', async () => {
    const result = await authorizer.check({}, { scopes: ['books:write'] });
    expect(result).toMatchObject({ ok: false, status: 401, error: { code: 'ERR_MISSING_CREDENTIALS' } });
    expect(!result.ok && result.wwwAuthenticate).toEqual([
      'Bearer realm="bookshelf"',
      'Basic realm="bookshelf", charset="UTF-8"',
      'ApiKey realm="bookshelf", header="x-api-key"',
    ]);
  });

  it('401 invalid_token for a bad token, naming the reason', async () => {
    const expired = signJwt({ iss: 'https://auth.example', aud: 'bookshelf', sub: 'ada' }, secret, { alg: 'HS256', expiresInSeconds: -1 });
    const result = await authorizer.check({ authorization: `Bearer ${expired}` });
    expect(result).toMatchObject({ ok: false, status: 401, error: { code: 'ERR_JWT_EXPIRED' } });
    expect(!result.ok && result.wwwAuthenticate[0]).toMatch(/^Bearer realm="bookshelf", error="invalid_token", error_description="the token expired/);
  });

  it('401 invalid_request for a malformed bearer token', async () => {
    const result = await authorizer.check({ authorization: 'Bearer not a token' });
    expect(!result.ok && result.wwwAuthenticate[0]).toContain('error="invalid_request"');
  });

  it('401 for a token that lacks sub', async () => {
    const result = await authorizer.check(bearer({ sub: undefined }));
    expect(result).toMatchObject({ ok: false, status: 401, error: { code: 'ERR_JWT_CLAIM', claim: 'sub' } });
  });

  it('403 insufficient_scope when authenticated but missing a scope', async () => {
    const result = await authorizer.check(bearer({ scope: 'books:read' }), { scopes: ['books:write'] });
    expect(result).toMatchObject({ ok: false, status: 403, error: { code: 'ERR_FORBIDDEN', missingScopes: ['books:write'] } });
    expect(!result.ok && result.wwwAuthenticate).toEqual(['Bearer realm="bookshelf", error="insufficient_scope", scope="books:write"']);
  });

  it('passes with the scope (from scope or scp) and reports the principal', async () => {
    const result = await authorizer.check(bearer({ scope: 'books:read books:write', roles: ['editor'] }), { scopes: ['books:write'] });
    expect(result).toEqual({ ok: true, principal: { subject: 'ada', scopes: ['books:read', 'books:write'], roles: ['editor'], scheme: 'Bearer' } });
    expect(await authorizer.check(bearer({ scp: ['books:write'] }), { scopes: ['books:write'] })).toMatchObject({ ok: true });
  });

  it('checks roles: Basic user with the role passes, without it gets 403', async () => {
    const header = { authorization: formatBasicAuthorization('librarian', 'shelve-it') };
    expect(await authorizer.check(header, { roles: ['librarian'] })).toMatchObject({ ok: true, principal: { subject: 'librarian' } });
    expect(await authorizer.check(header, { roles: ['admin'] })).toMatchObject({ ok: false, status: 403, error: { missingRoles: ['admin'] } });
  });

  it('401 for a wrong Basic password, with the Basic challenge only', async () => {
    const result = await authorizer.check({ authorization: formatBasicAuthorization('librarian', 'guess') });
    expect(result).toMatchObject({ ok: false, status: 401, error: { code: 'ERR_INVALID_CREDENTIALS' } });
    expect(!result.ok && result.wwwAuthenticate).toEqual(['Basic realm="bookshelf", charset="UTF-8"']);
  });

  it('401 for a revoked API key; a second key of the same subject still works', async () => {
    const revoked = keys.issue({ subject: 'ci', scopes: ['books:write'] });
    const kept = keys.issue({ subject: 'ci', scopes: ['books:write'] });
    keys.revoke(revoked.id);
    expect(await authorizer.check({ 'x-api-key': revoked.key })).toMatchObject({ ok: false, status: 401, error: { code: 'ERR_API_KEY_REVOKED' } });
    expect(await authorizer.check({ 'x-api-key': kept.key }, { scopes: ['books:write'] })).toMatchObject({ ok: true, principal: { scheme: 'ApiKey' } });
  });

  it('needs at least one authenticator', () => {
    expect(() => createAuthorizer({ realm: 'x', authenticators: [] })).toThrow(TypeError);
  });
});

describe('bearerJwtAuthenticator with a cache', () => {
  it('answers a repeated token from the cache, but never past its exp, and stays bounded', async () => {
    let now = 1_750_000_000_000;
    const clock = () => now;
    const cached = bearerJwtAuthenticator(secret, { algorithms: ['HS256'], cacheSize: 2, clock });
    const sign = (sub: string) => signJwt({ sub }, secret, { alg: 'HS256', expiresInSeconds: 60, clock });
    const header = (t: string) => `Bearer ${t}`;
    const ada = sign('ada');
    expect((await cached.authenticate(header(ada))).subject).toBe('ada');
    expect(await cached.authenticate(header(ada))).toEqual(await cached.authenticate(header(ada)));
    for (const sub of ['b', 'c', 'd']) await cached.authenticate(header(sign(sub)));
    expect((await cached.authenticate(header(ada))).subject).toBe('ada');
    now += 60_000;
    expect(() => cached.authenticate(header(ada))).toThrow(expect.objectContaining({ code: 'ERR_JWT_EXPIRED' }));
    // Change a character well inside the signature: the last one carries bits a decoder may ignore.
    const forged = ada.slice(0, -6) + (ada.at(-6) === 'A' ? 'B' : 'A') + ada.slice(-5);
    expect(() => cached.authenticate(header(forged))).toThrow();
  });
});
