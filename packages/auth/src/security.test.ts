/**
 * The hardening rows of the README's security table (issue 13), one `describe` per row. Each
 * test builds the hostile input by hand, the way an attacker would, rather than through this
 * package's signing functions (which refuse to make most of them).
 */
import { createHmac, createPublicKey, createSecretKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyStore } from './api-keys.js';
import { formatBasicAuthorization, parseBasicAuthorization } from './basic.js';
import { ApiKeyExpiredError, JwtClaimError, JwtCritError, JwtKeyError, MalformedCredentialsError, isSafeDescription } from './errors.js';
import { bearerJwtAuthenticator } from './authorization/authenticators.js';
import { createAuthorizer } from './authorization/authorizer.js';
import { isSmallOrderEd25519 } from './jws/algorithms.js';
import type { JwsHeader } from './jws/header.js';
import { signJws } from './jws/sign.js';
import { verifyJws } from './jws/verify.js';
import { signJwt } from './jwt/sign.js';
import { verifyJwt } from './jwt/verify.js';
import { listenAuthorizationServer, type RunningAuthorizationServer } from './oauth/http.js';
import { createPkcePair } from './oauth/pkce.js';
import { AuthorizationServer } from './oauth/server.js';
import { segment } from './test-support/keys.js';

const secret = createSecretKey(randomBytes(32));

/** An HS256 token with any header and payload, signed with `key` as an attacker holding it would. */
function hs256(header: Record<string, unknown>, payload: Record<string, unknown>, key: Uint8Array | KeyObject = secret): string {
  const input = `${segment(header)}.${segment(payload)}`;
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
}

describe('1. one hostile token cannot crash a node:http server through WWW-Authenticate', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    // Written like the README's example: the challenges go straight into the 401.
    const authorizer = createAuthorizer({
      realm: 'bookshelf',
      authenticators: [
        bearerJwtAuthenticator(
          (header: JwsHeader) => {
            if (header.kid === undefined || header.kid === 'k1') return secret;
            throw new JwtKeyError(`no key with kid "${String(header.kid)}"`); // a resolver that quotes the kid
          },
          { algorithms: ['HS256'] },
        ),
      ],
    });
    server = createServer(async (request, response) => {
      const result = await authorizer.check(request.headers, { scopes: ['books:write'] });
      if (result.ok) response.end(`hello ${result.principal.subject}`);
      else response.writeHead(result.status, { 'www-authenticate': result.wwwAuthenticate }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const payload = { sub: 'ada', scope: 'books:write' };
  it.each([
    ['CR/LF in alg', { alg: 'HS256\r\nSet-Cookie: session=evil' }],
    ['a non-Latin-1 alg', { alg: 'HS256\u2603' }],
    ['CR/LF in a crit name', { alg: 'HS256', crit: ['x\r\ny'], 'x\r\ny': 1 }],
    ['a non-Latin-1 crit name', { alg: 'HS256', crit: ['\u20ac'], '\u20ac': 1 }],
    ['CR/LF and U+2603 in a kid the resolver quotes', { alg: 'HS256', kid: 'k\r\n\u2603' }],
    ['a quote and a backslash in alg', { alg: 'HS256"\\' }],
  ])('answers 401 with a fixed description for %s, and stays up', async (_name, header) => {
    const response = await fetch(url, { headers: { authorization: `Bearer ${hs256(header, payload)}` } });
    expect(response.status).toBe(401);
    const challenge = response.headers.get('www-authenticate') ?? '';
    expect(challenge).toMatch(/^Bearer realm="bookshelf", error="invalid_(token|request)", error_description="[^"]*"$/);
    const description = /error_description="([^"]*)"/.exec(challenge)?.[1] ?? '';
    expect(isSafeDescription(description)).toBe(true);
    expect(challenge).not.toMatch(/evil|\u2603|\u20ac|x\s*y/);
    // The server is still there and still right.
    const ok = await fetch(url, { headers: { authorization: `Bearer ${hs256({ alg: 'HS256' }, payload)}` } });
    expect(await ok.text()).toBe('hello ada');
  });

  it('keeps the detail in error.message, for logs', async () => {
    const authorizer = createAuthorizer({ realm: 'r', authenticators: [bearerJwtAuthenticator(secret, { algorithms: ['HS256'] })] });
    const result = await authorizer.check({ authorization: `Bearer ${hs256({ alg: 'HS384' }, payload)}` });
    expect(!result.ok && result.error.message).toContain('"HS384"');
    expect(!result.ok && result.wwwAuthenticate[0]).not.toContain('HS384');
  });

  it('refuses a realm that cannot go into a header', () => {
    expect(() => createAuthorizer({ realm: 'a\r\nb', authenticators: [bearerJwtAuthenticator(secret, { algorithms: ['HS256'] })] })).toThrow(TypeError);
  });
});

describe('2. the cached bearer authenticator honours maxAgeSeconds and its options', () => {
  let now = 1_750_000_000_000;
  const clock = () => now;
  const month = 30 * 24 * 3600;

  it('never answers from the cache past iat + maxAgeSeconds, even with a month-long exp', async () => {
    now = 1_750_000_000_000;
    const cached = bearerJwtAuthenticator(secret, { algorithms: ['HS256'], maxAgeSeconds: 60, cacheSize: 10, clock });
    const token = signJwt({ sub: 'ada' }, secret, { alg: 'HS256', expiresInSeconds: month, clock });
    expect((await cached.authenticate(`Bearer ${token}`)).subject).toBe('ada');
    now += 30_000;
    expect((await cached.authenticate(`Bearer ${token}`)).subject).toBe('ada'); // a hit
    now += 31_000;
    expect(() => cached.authenticate(`Bearer ${token}`)).toThrow(expect.objectContaining({ code: 'ERR_JWT_EXPIRED' }));
    now += month * 1000 - 120_000;
    expect(() => cached.authenticate(`Bearer ${token}`)).toThrow(expect.objectContaining({ code: 'ERR_JWT_EXPIRED' }));
  });

  it('copies its options: changing the object afterwards changes neither cached nor fresh answers', async () => {
    now = 1_750_000_000_000;
    const options = { algorithms: ['HS256' as const], audience: ['bookshelf'], maxAgeSeconds: 60, cacheSize: 10, clock };
    const cached = bearerJwtAuthenticator(secret, options);
    const token = signJwt({ sub: 'ada', aud: 'bookshelf' }, secret, { alg: 'HS256', clock });
    await cached.authenticate(`Bearer ${token}`);
    options.maxAgeSeconds = 1e9;
    options.audience.push('elsewhere');
    now += 61_000;
    expect(() => cached.authenticate(`Bearer ${token}`)).toThrow(expect.objectContaining({ code: 'ERR_JWT_EXPIRED' }));
    const elsewhere = signJwt({ sub: 'ada', aud: 'elsewhere' }, secret, { alg: 'HS256', clock });
    expect(() => cached.authenticate(`Bearer ${elsewhere}`)).toThrow(expect.objectContaining({ claim: 'aud' }));
  });

  it('asks the key resolver again on a hit: a retired key ends its cached tokens', async () => {
    now = 1_750_000_000_000;
    let keys: Record<string, KeyObject> = { k1: secret };
    const cached = bearerJwtAuthenticator((header) => keys[String(header.kid)], { algorithms: ['HS256'], cacheSize: 10, clock });
    const token = signJwt({ sub: 'ada' }, secret, { alg: 'HS256', kid: 'k1', expiresInSeconds: 600, clock });
    expect((await cached.authenticate(`Bearer ${token}`)).subject).toBe('ada');
    keys = {};
    expect(() => cached.authenticate(`Bearer ${token}`)).toThrow(JwtKeyError);
  });
});

function authorizationServer() {
  let now = 1_750_000_000_000;
  const as = new AuthorizationServer({ issuer: 'https://auth.example', audience: 'bookshelf', clock: () => now });
  as.registerClient({ clientId: 'spa', redirectUris: ['https://app.example/cb'], scopes: ['books:read', 'books:write'], grantTypes: ['authorization_code', 'refresh_token'], confidential: false });
  const rs = as.registerClient({ clientId: 'rs', scopes: ['books:read'], grantTypes: ['client_credentials'], confidential: true });
  const introspector = { clientId: 'rs', clientSecret: rs.clientSecret as string };
  const pkce = createPkcePair();
  const code = (scope = 'books:read books:write') =>
    new URL(as.authorize({ response_type: 'code', client_id: 'spa', redirect_uri: 'https://app.example/cb', scope, code_challenge: pkce.challenge, code_challenge_method: 'S256' }, 'ada'))
      .searchParams.get('code') ?? '';
  const redeem = (value: string) =>
    as.token({ grant_type: 'authorization_code', code: value, redirect_uri: 'https://app.example/cb', code_verifier: pkce.verifier }, { clientId: 'spa' });
  return { as, introspector, code, redeem, advance: (ms: number) => (now += ms) };
}

describe("3. introspection reports the token's scope", () => {
  it("of a refreshed, down-scoped access token: the narrowed scope, not the grant's", () => {
    const { as, introspector, code, redeem } = authorizationServer();
    const first = redeem(code());
    const narrowed = as.token({ grant_type: 'refresh_token', refresh_token: first.refresh_token, scope: 'books:read' }, { clientId: 'spa' });
    expect(as.introspect(narrowed.access_token, introspector)).toMatchObject({ active: true, scope: 'books:read' });
    expect(as.introspect(first.access_token, introspector)).toMatchObject({ active: true, scope: 'books:read books:write' });
    // RFC 6749 §6: the new refresh token keeps the scope of the one it replaced.
    expect(as.introspect(narrowed.refresh_token as string, introspector)).toMatchObject({ active: true, scope: 'books:read books:write' });
  });
});

/** A self-signed Ed25519 certificate (made once with `openssl req -x509 -newkey ed25519`), for the DER form. */
const CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIIBSjCB/aADAgECAhQ3vJln5b5s9e+7dEJZFU9mZ8qftTAFBgMrZXAwGzEZMBcG
A1UEAwwQc2NhbGFibGUtdHMgdGVzdDAeFw0yNjEyMDEyMjU3MDZaFw0zNjExMjgy
MjU3MDZaMBsxGTAXBgNVBAMMEHNjYWxhYmxlLXRzIHRlc3QwKjAFBgMrZXADIQDQ
id+PDga35XJUQUO2fzYl3O4ejvBXFzqfewg3McnfsKNTMFEwHQYDVR0OBBYEFJXE
RvOvcTjBvtD6w3r5IVljAZmmMB8GA1UdIwQYMBaAFJXERvOvcTjBvtD6w3r5IVlj
AZmmMA8GA1UdEwEB/wQFMAMBAf8wBQYDK2VwA0EAcEVEiTM4RLU8oohHw0QVmjGS
pHPzOHg8vKAz4BrsS/zNu5na5vCbUHssZRB5UC4JRzLiUN4DakWaQ51FjBMoAQ==
-----END CERTIFICATE-----
`;

describe('4. HS256 refuses key bytes that are a public key (algorithm confusion)', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
  const ed = generateKeyPairSync('ed25519').publicKey;
  const forms: [string, Buffer][] = [
    ['an SPKI PEM', Buffer.from(rsa.export({ format: 'pem', type: 'spki' }))],
    ['a PKCS#1 PEM', Buffer.from(rsa.export({ format: 'pem', type: 'pkcs1' }))],
    ['an SPKI DER', rsa.export({ format: 'der', type: 'spki' })],
    ['a PKCS#1 DER', rsa.export({ format: 'der', type: 'pkcs1' })],
    ['JWK JSON', Buffer.from(JSON.stringify(rsa.export({ format: 'jwk' })))],
    ['a JWK Set', Buffer.from(JSON.stringify({ keys: [ed.export({ format: 'jwk' })] }), 'utf8')],
    ['an Ed25519 PEM with a leading newline', Buffer.from(`\n${String(ed.export({ format: 'pem', type: 'spki' }))}`)],
    ['an X.509 certificate, PEM', Buffer.from(CERTIFICATE)],
    ['an X.509 certificate, DER', Buffer.from(CERTIFICATE.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64')],
    ['an OpenSSH public key line', Buffer.from(`ssh-ed25519 ${randomBytes(51).toString('base64')} ada@host\n`)],
  ];
  it.each(forms)('refuses %s as bytes and as a secret KeyObject, to verify and to sign', (_name, bytes) => {
    const forged = hs256({ alg: 'HS256' }, { sub: 'admin' }, bytes);
    expect(() => verifyJws(forged, bytes, { algorithms: ['HS256', 'RS256'] })).toThrow(JwtKeyError);
    expect(() => verifyJws(forged, new Uint8Array(bytes), { algorithms: ['HS256'] })).toThrow(JwtKeyError);
    expect(() => verifyJws(forged, createSecretKey(bytes), { algorithms: ['HS256'] })).toThrow(JwtKeyError);
    expect(() => signJws('x', bytes, { alg: 'HS256' })).toThrow(JwtKeyError);
  });

  it('still takes random secrets, including ones that start like DER (0x30)', () => {
    for (let i = 0; i < 50; i++) {
      const bytes = randomBytes(32);
      bytes[0] = 0x30;
      expect(verifyJws(signJws('x', bytes, { alg: 'HS256' }), bytes, { algorithms: ['HS256'] }).payload.toString()).toBe('x');
    }
  });
});

describe('5. crit never names a registered parameter; own properties only, in JWS and OAuth parameters', () => {
  const verify = (header: Record<string, unknown>, crit?: string[]) => verifyJws(hs256(header, { sub: 'ada' }), secret, { algorithms: ['HS256'], ...(crit && { crit }) });
  it.each(['alg', 'kid', 'typ', 'crit', 'x5t#S256', 'enc'])('refuses crit naming the registered parameter %s (RFC 7515 §4.1.11)', (name) => {
    expect(() => verify({ alg: 'HS256', kid: 'k', typ: 'JWT', 'x5t#S256': 'x', enc: 'x', crit: [name] })).toThrow(/registered parameter/);
  });
  it('refuses to be told that a registered parameter is an understood extension', () => {
    expect(() => verify({ alg: 'HS256' }, ['alg'])).toThrow(TypeError);
  });
  it('refuses prototype names and duplicates in crit', () => {
    expect(() => verify({ alg: 'HS256', crit: ['constructor'] })).toThrow(JwtCritError);
    expect(() => verify({ alg: 'HS256', crit: ['constructor'] }, ['constructor'])).toThrow(/listed but absent/);
    expect(() => verify({ alg: 'HS256', crit: ['toString'] }, ['toString'])).toThrow(/listed but absent/);
    expect(() => verify({ alg: 'HS256', crit: ['ext', 'ext'], ext: 1 }, ['ext'])).toThrow(/twice/);
    expect(verify({ alg: 'HS256', crit: ['ext'], ext: 1 }, ['ext']).header.crit).toEqual(['ext']);
  });
  it('reads claims as own properties: a required "constructor" claim is not inherited', () => {
    const token = signJwt({ sub: 'ada' }, secret, { alg: 'HS256' });
    expect(() => verifyJwt(token, secret, { algorithms: ['HS256'], requiredClaims: ['constructor'] })).toThrow(JwtClaimError);
    expect(verifyJwt(token, secret, { algorithms: ['HS256'], requiredClaims: ['sub'] }).payload.sub).toBe('ada');
  });
});

describe('6. options that would switch checks off are refused; iat in the future is refused', () => {
  const token = signJwt({ sub: 'ada' }, secret, { alg: 'HS256', expiresInSeconds: 60 });
  it.each([
    ['clockToleranceSeconds', Number.NaN],
    ['clockToleranceSeconds', '30'],
    ['clockToleranceSeconds', -1],
    ['maxAgeSeconds', Number.NaN],
    ['maxAgeSeconds', Number.POSITIVE_INFINITY],
  ])('refuses %s = %s with a TypeError naming it', (name, value) => {
    const options = { algorithms: ['HS256' as const], [name]: value };
    expect(() => verifyJwt(token, secret, options)).toThrow(new RegExp(`options\\.${name}`));
    expect(() => verifyJwt(token, secret, options)).toThrow(TypeError);
    expect(() => bearerJwtAuthenticator(secret, options)).toThrow(TypeError);
  });
  it('refuses other bad options by name too', () => {
    expect(() => bearerJwtAuthenticator(secret, { algorithms: ['HS256'], cacheSize: Number.NaN })).toThrow(/cacheSize/);
    expect(() => verifyJws(token, secret, { algorithms: ['HS256'], maxLength: Number.NaN })).toThrow(/maxLength/);
    expect(() => new AuthorizationServer({ issuer: 'https://a.example', codeTtlSeconds: Number.NaN })).toThrow(/codeTtlSeconds/);
    expect(() => new ApiKeyStore({ prefix: 'bks' }).issue({ subject: 's', ttlMs: Number.NaN })).toThrow(/ttlMs/);
    expect(() => signJwt({ sub: 'ada' }, secret, { alg: 'HS256', expiresInSeconds: Number.NaN })).toThrow(/expiresInSeconds/);
  });
  it('refuses an iat beyond now + tolerance, with or without maxAgeSeconds', () => {
    const now = 1_750_000_000_000;
    const future = signJwt({ sub: 'ada', iat: now / 1000 + 120 }, secret, { alg: 'HS256' });
    const clock = () => now;
    expect(() => verifyJwt(future, secret, { algorithms: ['HS256'], clock })).toThrow(expect.objectContaining({ claim: 'iat' }));
    expect(() => verifyJwt(future, secret, { algorithms: ['HS256'], clock, maxAgeSeconds: 60 })).toThrow(expect.objectContaining({ claim: 'iat' }));
    expect(verifyJwt(future, secret, { algorithms: ['HS256'], clock, clockToleranceSeconds: 120 }).payload.sub).toBe('ada');
  });
});

describe('7. a key resolver that knows no key gives 401 invalid_token, not a 500', () => {
  it('refuses with JwtKeyError, and the authorizer answers 401 invalid_token', async () => {
    const resolver = (header: JwsHeader) => (header.kid === 'k1' ? secret : undefined);
    const token = signJwt({ sub: 'ada' }, secret, { alg: 'HS256', kid: 'unknown' });
    expect(() => verifyJwt(token, resolver, { algorithms: ['HS256'] })).toThrow(JwtKeyError);
    const authorizer = createAuthorizer({ realm: 'r', authenticators: [bearerJwtAuthenticator(resolver, { algorithms: ['HS256'] })] });
    const result = await authorizer.check({ authorization: `Bearer ${token}` });
    expect(result).toMatchObject({ ok: false, status: 401, error: { code: 'ERR_JWT_KEY' } });
    expect(!result.ok && result.wwwAuthenticate[0]).toContain('error="invalid_token"');
  });
});

describe('OAuth over HTTP (rows 5, 8, 9, 13)', () => {
  let running: RunningAuthorizationServer;
  let rsSecret: string;
  const REDIRECT = 'http://127.0.0.1:1/cb';
  const pkce = createPkcePair();
  beforeAll(async () => {
    running = await listenAuthorizationServer({ authenticateUser: (request) => (request.headers.authorization === undefined ? undefined : 'ada') });
    running.server.registerClient({ clientId: 'spa', redirectUris: [REDIRECT], scopes: ['books:read'], grantTypes: ['authorization_code'], confidential: false });
    rsSecret = running.server.registerClient({ clientId: 'rs', scopes: ['books:read'], grantTypes: ['client_credentials'], confidential: true }).clientSecret as string;
  });
  afterAll(() => running.close());
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${running.issuer}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body });
  const authorizeUrl = (extra = '') =>
    `${running.issuer}/authorize?response_type=code&client_id=spa&redirect_uri=${encodeURIComponent(REDIRECT)}&code_challenge=${pkce.challenge}&code_challenge_method=S256${extra}`;
  const browse = (url: string) => fetch(url, { redirect: 'manual', headers: { authorization: formatBasicAuthorization('ada', 'pw') } });
  const rawBasic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

  it('5. takes "constructor" and "__proto__" as ordinary parameters at /token and /authorize', async () => {
    const token = await post('/token', 'grant_type=client_credentials&constructor=1&__proto__=x&toString=y', { authorization: formatBasicAuthorization('rs', rsSecret) });
    expect(token.status).toBe(200);
    const authorize = await browse(authorizeUrl('&constructor=1&hasOwnProperty=2'));
    expect(new URL(authorize.headers.get('location') ?? '').searchParams.get('code')).toMatch(/^[\w-]{43}$/);
  });

  it.each(['/token', '/introspect'])('8. answers a malformed %% escape in Basic client credentials at %s with 401 invalid_client', async (path) => {
    for (const header of [rawBasic('%zz', rsSecret), rawBasic('rs', '%E0%A4%A'), rawBasic('%', 'x')]) {
      const response = await post(path, 'grant_type=client_credentials&token=x', { authorization: header });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('Basic');
      expect(await response.json()).toMatchObject({ error: 'invalid_client' });
    }
  });

  it('9. /authorize refuses repeated parameters: redirected with invalid_request, or shown when client_id or redirect_uri repeats', async () => {
    const repeatedState = await browse(authorizeUrl('&state=a&state=b'));
    expect(repeatedState.status).toBe(302);
    const params = new URL(repeatedState.headers.get('location') ?? '').searchParams;
    expect(params.get('error')).toBe('invalid_request');
    expect(params.get('code')).toBeNull();
    for (const extra of ['&client_id=spa', `&redirect_uri=${encodeURIComponent(REDIRECT)}`]) {
      const shown = await browse(authorizeUrl(extra));
      expect(shown.status).toBe(400);
      expect(shown.headers.get('location')).toBeNull();
      expect(await shown.json()).toMatchObject({ error: 'invalid_request' });
    }
    expect(await (await post('/token', 'grant_type=client_credentials&scope=a&scope=b', { authorization: formatBasicAuthorization('rs', rsSecret) })).json()).toMatchObject({ error: 'invalid_request' });
  });

  it('13. sends X-Content-Type-Options: nosniff on every JSON answer, and never echoes a parameter in error_description', async () => {
    const answers = [
      await fetch(`${running.issuer}/.well-known/oauth-authorization-server`),
      await fetch(`${running.issuer}/jwks.json`),
      await fetch(authorizeUrl(), { redirect: 'manual' }), // 401 login_required
      await browse(authorizeUrl('&client_id=x')), // 400 shown
      await post('/token', 'grant_type=client_credentials', { authorization: formatBasicAuthorization('rs', rsSecret) }),
      await post('/token', 'grant_type=%22%E2%80%A8evil', { authorization: formatBasicAuthorization('rs', rsSecret) }),
      await post('/introspect', 'token=x', { authorization: formatBasicAuthorization('rs', rsSecret) }),
      await fetch(`${running.issuer}/nowhere`),
    ];
    for (const answer of answers) {
      expect(answer.headers.get('content-type')).toBe('application/json');
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      const body = (await answer.json()) as { error_description?: string };
      if (body.error_description !== undefined) expect(isSafeDescription(body.error_description) && !body.error_description.includes('evil')).toBe(true);
    }
  });
});

describe('10. rotate() of an expired API key issues no successor', () => {
  it("throws ApiKeyExpiredError and stores nothing new; a live key's successor keeps its lifetime", () => {
    let now = 1_000_000;
    const store = new ApiKeyStore({ prefix: 'bks', clock: () => now });
    const short = store.issue({ subject: 'ci', ttlMs: 1000 });
    const successor = store.rotate(short.id, { graceMs: 0 });
    expect(store.records().find((r) => r.id === successor.id)?.expiresAt).toBe(now + 1000);
    now += 1000;
    const count = store.records().length;
    expect(() => store.rotate(successor.id)).toThrow(ApiKeyExpiredError);
    expect(store.records()).toHaveLength(count);
    expect(() => store.rotate(short.id)).toThrow(ApiKeyExpiredError);
    expect(() => store.rotate(store.issue({ subject: 'x' }).id, { graceMs: Number.NaN })).toThrow(/graceMs/);
  });
});

describe('11. HTTP Basic refuses C1 controls, line separators and (in the user-id) format characters', () => {
  const header = (text: string) => `Basic ${Buffer.from(text, 'utf8').toString('base64')}`;
  it.each([
    ['NEL U+0085 in the user-id', 'ada\u0085:pw'],
    ['CSI U+009B in the user-id', 'ada\u009b31m:pw'],
    ['LINE SEPARATOR U+2028 in the user-id', 'ada\u2028admin:pw'],
    ['PARAGRAPH SEPARATOR U+2029 in the password', 'ada:p\u2029w'],
    ['a right-to-left override U+202E in the user-id', 'ada\u202enimda:pw'],
    ['a zero-width space U+200B in the user-id', 'ad\u200ba:pw'],
  ])('refuses %s', (_name, text) => {
    expect(() => parseBasicAuthorization(header(text))).toThrow(MalformedCredentialsError);
    const [user = '', password = ''] = text.split(/:(.*)/s);
    expect(() => formatBasicAuthorization(user, password)).toThrow(TypeError);
  });
  it('keeps what names need: ZWNJ (Persian), accents, CJK, and anything in a password but controls', () => {
    expect(parseBasicAuthorization(header('\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645:pw')).username).toBe('\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645');
    expect(parseBasicAuthorization(header('\u00e9l\u00e8ve\u5b66:p\u200bw\u202e')).password).toBe('p\u200bw\u202e');
  });
});

describe('12. Ed25519 public keys of small order are refused', () => {
  // libsodium's blocklist (ge25519_has_small_order), each with the x sign bit clear and set.
  const Y = [
    '0000000000000000000000000000000000000000000000000000000000000000',
    '0100000000000000000000000000000000000000000000000000000000000000',
    '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
    'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
    'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
    'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
    'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  ];
  const encodings = Y.flatMap((hex) => {
    const signed = Buffer.from(hex, 'hex');
    signed[31] = (signed[31] ?? 0) | 0x80;
    return [Buffer.from(hex, 'hex'), signed];
  });
  const load = (x: Buffer) => {
    try {
      return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: x.toString('base64url') }, format: 'jwk' });
    } catch {
      return undefined; // OpenSSL refused to load this encoding itself
    }
  };

  it('knows all fourteen encodings and no ordinary key', () => {
    expect(encodings.every((x) => isSmallOrderEd25519(x))).toBe(true);
    const ordinary = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x ?? '';
    expect(isSmallOrderEd25519(Buffer.from(ordinary, 'base64url'))).toBe(false);
  });

  it('refuses a token "signed" for the identity key (R = identity, S = 0 verifies any message on OpenSSL 3.0)', () => {
    const identity = load(Buffer.from(Y[1] as string, 'hex'));
    expect(identity).toBeDefined();
    const input = `${segment({ alg: 'EdDSA' })}.${segment({ sub: 'admin' })}`;
    const forged = `${input}.${Buffer.concat([Buffer.from(Y[1] as string, 'hex'), Buffer.alloc(32)]).toString('base64url')}`;
    expect(() => verifyJws(forged, identity as KeyObject, { algorithms: ['EdDSA'] })).toThrow(JwtKeyError);
  });

  it('refuses every small-order key that OpenSSL loads', () => {
    const token = signJws('x', generateKeyPairSync('ed25519').privateKey, { alg: 'EdDSA' });
    for (const x of encodings) {
      const key = load(x);
      if (key) expect(() => verifyJws(token, key, { algorithms: ['EdDSA'] })).toThrow(/small order/);
    }
  });
});

describe('13. stored codes and grants are swept when they expire (injected clock)', () => {
  it('forgets an unused code at its expiry', () => {
    const { as, code, advance } = authorizationServer();
    code();
    expect(as.stored().codes).toBe(1);
    advance(59_999);
    expect(as.stored().codes).toBe(1);
    advance(1);
    expect(as.stored().codes).toBe(0);
  });

  it('keeps a redeemed code as long as its grant, so a replay still revokes; then forgets grant, code and refresh tokens', () => {
    const { as, introspector, code, redeem, advance } = authorizationServer();
    const value = code();
    const tokens = redeem(value);
    as.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token }, { clientId: 'spa' });
    expect(as.stored()).toEqual({ codes: 1, grants: 1, refreshTokens: 2 });
    advance(3600_000);
    expect(() => redeem(value)).toThrow(/already used/);
    expect(as.introspect(tokens.access_token, introspector).active).toBe(false);
    advance(14 * 24 * 3600 * 1000);
    expect(as.stored()).toEqual({ codes: 0, grants: 0, refreshTokens: 0 });
  });

  it('forgets a client-credentials grant once its access token has expired', () => {
    const { as, introspector, advance } = authorizationServer();
    const tokens = as.token({ grant_type: 'client_credentials' }, introspector);
    expect(as.stored().grants).toBe(1);
    advance(300_000);
    expect(as.introspect(tokens.access_token, introspector).active).toBe(false);
    advance(1_000);
    expect(as.stored().grants).toBe(0);
  });
});
