/**
 * The access checks against a real server on 127.0.0.1: every refused request or handshake gets
 * its status, shows nothing of the notebooks, and starts no kernel.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWorkshop, type Workshop } from './index.js';
import { fixture } from './test-support/fixtures.js';
import { livePageCsp } from '@scalable-ts/render';
import { fetchRaw, handshake, pageHeaders, socketHeaders } from './test-support/http.js';

let workshop: Workshop;

beforeAll(async () => {
  workshop = await startWorkshop({ notebooks: [fixture('workshop-test.ipynb'), fixture('second.ipynb')], lingerMs: 0 });
});

afterAll(async () => {
  await workshop?.close();
});

const PATHS = ['/', '/index.html', '/nb/workshop-test', '/assets/workshop.js', '/assets/site.css', '/nowhere'];
const SOCKET = '/ws?notebook=workshop-test';

/** Page headers with some replaced or removed (`undefined`). */
const headers = (changes: Record<string, string | undefined>): Record<string, string> => {
  const all: Record<string, string | undefined> = { ...pageHeaders(workshop), ...changes };
  return Object.fromEntries(Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined));
};

/** No response carries a CORS header. */
const expectNoCors = (answer: { headers: Record<string, unknown> }) => {
  expect(Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
};

describe('HTTP', () => {
  test('the printed URL listens on 127.0.0.1 and carries the token', () => {
    expect(workshop.url).toBe(`http://127.0.0.1:${workshop.port}/?token=${workshop.token}`);
  });

  test('the token in the URL opens the list and sets an HttpOnly SameSite=Strict page cookie that is not the token', async () => {
    const answer = await fetchRaw(workshop, `/?token=${workshop.token}`, headers({ cookie: undefined, origin: undefined }));
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('Workshop test notebook');
    expect(answer.headers['set-cookie']).toEqual([`${workshop.pageCookie}; Path=/; HttpOnly; SameSite=Strict`]);
    expect(workshop.pageCookie).toMatch(new RegExp(`^scalable-ts-workshop-${workshop.port}=[A-Za-z0-9_-]{43}$`));
    expect(answer.headers['set-cookie']?.[0]).not.toContain(workshop.token);
    expect(answer.headers['referrer-policy']).toBe('no-referrer');
    expectNoCors(answer);
  });

  test('the cookie alone opens every page and asset; no answer holds the token', async () => {
    for (const path of PATHS.slice(0, -1)) {
      const answer = await fetchRaw(workshop, path, headers({ origin: undefined }));
      expect(answer.status, path).toBe(200);
      expect(answer.headers['set-cookie'], path).toBeUndefined();
      expect(answer.body, path).not.toContain(workshop.token);
    }
    expect((await fetchRaw(workshop, '/nowhere', headers({}))).status).toBe(404);
    expect((await fetchRaw(workshop, '/nb/nope', headers({}))).status).toBe(404);
    expect((await fetchRaw(workshop, '/nb/%E0%A4%A', headers({}))).status).toBe(404);
  });

  test('no token: 401 everywhere, nothing shown', async () => {
    for (const path of PATHS) {
      const answer = await fetchRaw(workshop, path, headers({ cookie: undefined, origin: undefined }));
      expect(answer.status, path).toBe(401);
      expect(answer.body).toContain('needs its access token');
      expect(answer.body).not.toContain('Workshop test');
      expect(answer.headers['set-cookie']).toBeUndefined();
    }
  });

  test('wrong token, in the URL or the cookie: 401', async () => {
    for (const path of PATHS) {
      const wrongQuery = await fetchRaw(workshop, `${path}${path.includes('?') ? '&' : '?'}token=${'x'.repeat(43)}`, headers({ cookie: undefined }));
      expect(wrongQuery.status, path).toBe(401);
      const sameLength = `${workshop.token.startsWith('a') ? 'b' : 'a'}${workshop.token.slice(1)}`;
      const wrongCookie = await fetchRaw(workshop, path, headers({ cookie: `scalable-ts-workshop-${workshop.port}=${sameLength}` }));
      expect(wrongCookie.status, path).toBe(401);
      // The token is not a cookie value: only the page key is.
      const tokenCookie = await fetchRaw(workshop, path, headers({ cookie: `scalable-ts-workshop-${workshop.port}=${workshop.token}` }));
      expect(tokenCookie.status, path).toBe(401);
    }
  });

  test('foreign Host (DNS rebinding): 403 even with the token', async () => {
    for (const host of ['evil.example', `evil.example:${workshop.port}`, `127.0.0.1:${workshop.port + 1}`, `localhost.evil.example:${workshop.port}`]) {
      for (const path of PATHS) {
        const answer = await fetchRaw(workshop, `${path}?token=${workshop.token}`, headers({ host, origin: undefined }));
        expect(answer.status, `${host} ${path}`).toBe(403);
        expect(answer.body).not.toContain('Workshop test');
      }
    }
  });

  test('foreign Origin: 403 even with the token, and no CORS header', async () => {
    const answer = await fetchRaw(workshop, '/nb/workshop-test', headers({ origin: 'http://evil.example' }));
    expect(answer.status).toBe(403);
    expectNoCors(answer);
    const preflight = await fetchRaw(workshop, '/', headers({ origin: 'http://evil.example', 'access-control-request-method': 'POST' }), 'OPTIONS');
    expect(preflight.status).toBe(403);
    expectNoCors(preflight);
  });

  test('every answer carries the strict policy; a passed page may open its WebSocket to its own Host', async () => {
    const page = await fetchRaw(workshop, '/nb/workshop-test', headers({}));
    expect(page.headers['content-security-policy']).toBe(livePageCsp([`ws://127.0.0.1:${workshop.port}`]));
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self';.*object-src 'none'; base-uri 'none';.*frame-ancestors 'none'/);
    expect(page.body).not.toMatch(/<script(?! type="module" src="\/assets\/workshop\.js"><\/script>)/);
    const refused = await fetchRaw(workshop, '/nb/workshop-test', headers({ cookie: undefined }));
    expect(refused.headers['content-security-policy']).toBe(livePageCsp());
  });

  test('only GET and HEAD', async () => {
    const answer = await fetchRaw(workshop, '/', headers({}), 'POST');
    expect(answer.status).toBe(405);
    expect(answer.headers['allow']).toBe('GET, HEAD');
    expectNoCors(answer);
  });
});

describe('WebSocket handshake', () => {
  test('no token: 401', async () => {
    expect((await handshake(workshop, SOCKET, headers({ cookie: undefined }))).status).toBe(401);
  });

  test('the page cookie alone (what any server on 127.0.0.1 receives): 401', async () => {
    expect((await handshake(workshop, SOCKET, headers({}))).status).toBe(401);
    const cookieValue = workshop.pageCookie.split('=')[1] ?? '';
    expect((await handshake(workshop, SOCKET, { ...headers({}), 'sec-websocket-protocol': `scalable-ts.workshop.v1, scalable-ts.workshop.token.${cookieValue}` })).status).toBe(401);
  });

  test('wrong token, or the token anywhere but the subprotocol: 401', async () => {
    const protocol = (token: string) => ({ 'sec-websocket-protocol': `scalable-ts.workshop.v1, scalable-ts.workshop.token.${token}` });
    expect((await handshake(workshop, SOCKET, { ...headers({}), ...protocol('wrong') })).status).toBe(401);
    expect((await handshake(workshop, `${SOCKET}&token=${workshop.token}`, headers({}))).status).toBe(401);
    expect((await handshake(workshop, SOCKET, headers({ cookie: `scalable-ts-workshop-${workshop.port}=${workshop.token}` }))).status).toBe(401);
  });

  test('foreign Origin, or none: 403 even with the token', async () => {
    for (const origin of ['http://evil.example', `http://localhost:${workshop.port}`, 'null', `http://127.0.0.1:${workshop.port + 1}`, undefined]) {
      const all: Record<string, string | undefined> = { ...socketHeaders(workshop), origin };
      const sent = Object.fromEntries(Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined));
      expect((await handshake(workshop, SOCKET, sent)).status, String(origin)).toBe(403);
    }
  });

  test('foreign Host: 403', async () => {
    const host = `evil.example:${workshop.port}`;
    expect((await handshake(workshop, SOCKET, { ...socketHeaders(workshop), host, origin: `http://${host}` })).status).toBe(403);
  });

  test('unknown notebook or path: 404', async () => {
    expect((await handshake(workshop, '/ws?notebook=nope', socketHeaders(workshop))).status).toBe(404);
    expect((await handshake(workshop, '/other', socketHeaders(workshop))).status).toBe(404);
  });
});

test('after all of that, no kernel was started and no session opened', () => {
  expect(workshop.kernelsStarted).toBe(0);
  expect(workshop.kernels()).toEqual([]);
});

test('then the token as the second subprotocol, from the page origin: accepted, the protocol (not the token) selected', async () => {
  const answer = await handshake(workshop, SOCKET, socketHeaders(workshop));
  expect(answer.status).toBe(101);
  expect(answer.headers['sec-websocket-protocol']).toBe('scalable-ts.workshop.v1');
});
