import type { IncomingMessage } from 'node:http';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { AccessGuard, createAccessToken, readCookie, socketToken, tokensMatch } from './guard.js';

const token = createAccessToken();
const pageKey = createAccessToken();
const guard = new AccessGuard({ token, pageKey, port: 8765 });

/** A request as the guard sees it. */
const request = (headers: Record<string, string>, url = '/'): IncomingMessage => ({ headers, url }) as unknown as IncomingMessage;
const cookie = `${guard.cookieName}=${pageKey}`;
/** The subprotocols of a page's handshake, carrying `t`. */
const protocols = (t: string) => `scalable-ts.workshop.v1, scalable-ts.workshop.token.${t}`;

describe('tokens', () => {
  test('are 256 random bits in base64url, different every time', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createAccessToken()).not.toBe(token);
  });

  test('match exactly what was issued', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => tokensMatch(a, b) === (a === b)));
    expect(tokensMatch(token, token)).toBe(true);
    expect(tokensMatch(token, `${token}x`)).toBe(false);
    expect(tokensMatch(token, token.slice(0, -1))).toBe(false);
    expect(tokensMatch(token, undefined)).toBe(false);
    expect(tokensMatch(token, '')).toBe(false);
  });

  test('the socket token is read from its subprotocol entry only', () => {
    expect(socketToken(protocols('abc'))).toBe('abc');
    expect(socketToken('scalable-ts.workshop.token.abc,scalable-ts.workshop.v1')).toBe('abc');
    expect(socketToken('scalable-ts.workshop.v1')).toBeUndefined();
    expect(socketToken(undefined)).toBeUndefined();
  });

  test('cookies are read by exact name', () => {
    expect(readCookie('a=1; b=2;c=3', 'b')).toBe('2');
    expect(readCookie('ab=1', 'b')).toBeUndefined();
    expect(readCookie(undefined, 'b')).toBeUndefined();
  });
});

describe('AccessGuard', () => {
  test('lets in a loopback Host with the token in the URL or the cookie', () => {
    for (const host of ['127.0.0.1:8765', 'localhost:8765', 'LOCALHOST:8765', '[::1]:8765']) {
      expect(guard.check(request({ host }, `/?token=${token}`), { websocket: false })).toEqual({ ok: true, tokenInUrl: true });
      expect(guard.check(request({ host, cookie }), { websocket: false })).toEqual({ ok: true, tokenInUrl: false });
    }
  });

  test('refuses a missing or wrong token with 401', () => {
    const host = '127.0.0.1:8765';
    expect(guard.check(request({ host }), { websocket: false })).toMatchObject({ ok: false, status: 401, reason: 'No access token' });
    expect(guard.check(request({ host }, '/?token=nope'), { websocket: false })).toMatchObject({ ok: false, status: 401, reason: 'Wrong access token' });
    expect(guard.check(request({ host, cookie: `${guard.cookieName}=nope` }), { websocket: false })).toMatchObject({ ok: false, status: 401 });
    // A wrong token in the URL is not rescued by a right cookie.
    expect(guard.check(request({ host, cookie }, '/?token=nope'), { websocket: false })).toMatchObject({ ok: false, status: 401 });
    // Another workshop's cookie (another port) is not this one's.
    expect(guard.check(request({ host, cookie: `scalable-ts-workshop-1234=${pageKey}` }), { websocket: false })).toMatchObject({ ok: false, status: 401 });
    // The token is never a cookie value.
    expect(guard.check(request({ host, cookie: `${guard.cookieName}=${token}` }), { websocket: false })).toMatchObject({ ok: false, status: 401 });
  });

  test('a WebSocket handshake needs the token in Sec-WebSocket-Protocol: the cookie and the URL do not count', () => {
    const host = '127.0.0.1:8765';
    const origin = 'http://127.0.0.1:8765';
    const check = (headers: Record<string, string>, url = '/ws') => guard.check(request({ host, origin, ...headers }, url), { websocket: true });
    expect(check({ 'sec-websocket-protocol': protocols(token) })).toEqual({ ok: true, tokenInUrl: false });
    expect(check({ cookie })).toMatchObject({ ok: false, status: 401, reason: 'No access token in Sec-WebSocket-Protocol' });
    expect(check({ cookie: `${guard.cookieName}=${token}` })).toMatchObject({ ok: false, status: 401 });
    expect(check({ cookie }, `/ws?token=${token}`)).toMatchObject({ ok: false, status: 401 });
    expect(check({ cookie, 'sec-websocket-protocol': protocols(pageKey) })).toMatchObject({ ok: false, status: 401, reason: 'Wrong access token' });
  });

  test('refuses a foreign Host with 403, token or not (DNS rebinding)', () => {
    for (const host of ['evil.example:8765', 'evil.example', '127.0.0.1:8766', '127.0.0.1', 'localhost.evil.example:8765', '127.0.0.2:8765', '']) {
      const verdict = guard.check(request(host ? { host, cookie } : { cookie }, `/?token=${token}`), { websocket: false });
      expect(verdict, host).toMatchObject({ ok: false, status: 403 });
    }
  });

  test('refuses a foreign Origin; a WebSocket must carry its own', () => {
    const host = '127.0.0.1:8765';
    const check = (origin: string | undefined, websocket: boolean) => {
      const headers = { host, cookie, 'sec-websocket-protocol': protocols(token) };
      return guard.check(request(origin === undefined ? headers : { ...headers, origin }), { websocket });
    };
    expect(check('http://127.0.0.1:8765', true)).toMatchObject({ ok: true });
    expect(check('http://127.0.0.1:8765', false)).toMatchObject({ ok: true });
    expect(check(undefined, false)).toMatchObject({ ok: true });
    expect(check(undefined, true)).toMatchObject({ ok: false, status: 403 });
    for (const origin of ['http://evil.example', 'http://localhost:8765', 'https://127.0.0.1:8765', 'null', 'http://127.0.0.1:8766']) {
      expect(check(origin, true), origin).toMatchObject({ ok: false, status: 403 });
      expect(check(origin, false), origin).toMatchObject({ ok: false, status: 403 });
    }
  });

  test('accepts the extra host names it is given', () => {
    const lan = new AccessGuard({ token, pageKey, port: 8765, extraHostNames: ['192.168.1.5'] });
    expect(lan.check(request({ host: '192.168.1.5:8765', cookie: `${lan.cookieName}=${pageKey}` }), { websocket: false })).toMatchObject({ ok: true });
  });

  test('sets an HttpOnly, SameSite=Strict cookie for the whole site, holding the page key, never the token', () => {
    expect(guard.cookie()).toBe(`scalable-ts-workshop-8765=${pageKey}; Path=/; HttpOnly; SameSite=Strict`);
    expect(new AccessGuard({ token, port: 8765 }).cookie()).not.toContain(token);
  });

  test('rejects bad options', () => {
    expect(() => new AccessGuard({ token: 'short', port: 1 })).toThrow(TypeError);
    expect(() => new AccessGuard({ token, port: 0 })).toThrow(TypeError);
    expect(() => new AccessGuard({ token, pageKey: token, port: 1 })).toThrow(TypeError);
  });
});
