import { createAuthorizer, bearerJwtAuthenticator, signJwt } from '@scalable-ts/auth';
import { createSecretKey, randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildBookshelf } from './server.js';

const secret = createSecretKey(randomBytes(32));
const auth = createAuthorizer({ realm: 'bookshelf', authenticators: [bearerJwtAuthenticator(secret, { algorithms: ['HS256'], audience: 'bookshelf' })] });
const token = (scope: string) => signJwt({ sub: 'ada', aud: 'bookshelf', scope }, secret, { alg: 'HS256', expiresInSeconds: 60 });
const writer = { authorization: `Bearer ${token('books:read books:write')}` };
const dune = { title: 'Dune', author: 'Frank Herbert', year: 1965, isbn: '9780441013593' };
const emma = { title: 'Emma', author: 'Jane Austen', year: 1815, isbn: '9780141439587' };

let app: FastifyInstance;
beforeEach(async () => {
  app = await buildBookshelf({ auth, seed: [dune], bodyLimit: 1024 });
});
afterEach(() => app.close());

const post = (payload: unknown, headers: Record<string, string> = writer) => app.inject({ method: 'POST', url: '/books', payload: payload as object, headers });

describe('methods and status codes', () => {
  it('POST creates: 201 with Location and ETag', async () => {
    const response = await post(emma);
    expect(response.statusCode).toBe(201);
    expect(response.headers.location).toBe('/books/2');
    expect(response.headers.etag).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect(response.json()).toEqual({ id: 2, ...emma });
  });

  it('POST is not idempotent: the same body twice makes two attempts, the second a 409 on the ISBN', async () => {
    expect((await post(emma)).statusCode).toBe(201);
    const again = await post(emma);
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(again.json()).toMatchObject({ status: 409, type: 'tag:scalable-ts,2025:problem:isbn-conflict', instance: '/books' });
  });

  it('GET reads with an ETag and Cache-Control no-cache, 304 for a matching If-None-Match, 404 for a missing book', async () => {
    const first = await app.inject({ url: '/books/1' });
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('no-cache');
    expect((await app.inject({ url: '/books' })).headers['cache-control']).toBe('no-cache');
    const notModified = await app.inject({ url: '/books/1', headers: { 'if-none-match': `W/${first.headers.etag as string}` } });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.headers['cache-control']).toBe('no-cache');
    expect(notModified.body).toBe('');
    expect((await app.inject({ url: '/books/99' })).json()).toMatchObject({ status: 404, title: 'Not Found', detail: 'no book with id 99' });
    expect((await app.inject({ url: '/books/abc' })).statusCode).toBe(404);
  });

  it('HEAD answers like GET without a body', async () => {
    const head = await app.inject({ method: 'HEAD', url: '/books/1' });
    expect(head.statusCode).toBe(200);
    expect(head.headers.etag).toBe((await app.inject({ url: '/books/1' })).headers.etag);
    expect(head.body).toBe('');
  });

  it('PUT replaces and is idempotent: the same PUT twice leaves the same state and ETag', async () => {
    const once = await app.inject({ method: 'PUT', url: '/books/1', payload: { ...dune, year: 1966 }, headers: writer });
    const twice = await app.inject({ method: 'PUT', url: '/books/1', payload: { ...dune, year: 1966 }, headers: writer });
    expect(once.statusCode).toBe(200);
    expect(twice.json()).toEqual(once.json());
    expect(twice.headers.etag).toBe(once.headers.etag);
    expect((await app.inject({ method: 'PUT', url: '/books/9', payload: dune, headers: writer })).statusCode).toBe(404);
  });

  it('PATCH takes a JSON Merge Patch, and only that media type (415 with Accept-Patch)', async () => {
    const patched = await app.inject({ method: 'PATCH', url: '/books/1', payload: '{"year":1966}', headers: { ...writer, 'content-type': 'application/merge-patch+json' } });
    expect(patched.json()).toEqual({ id: 1, ...dune, year: 1966 });
    const wrongType = await app.inject({ method: 'PATCH', url: '/books/1', payload: { year: 1967 }, headers: writer });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.headers['accept-patch']).toBe('application/merge-patch+json');
  });

  it('DELETE is idempotent in effect: 204, then 404', async () => {
    expect((await app.inject({ method: 'DELETE', url: '/books/1', headers: writer })).statusCode).toBe(204);
    expect((await app.inject({ method: 'DELETE', url: '/books/1', headers: writer })).statusCode).toBe(404);
    expect((await app.inject({ url: '/books/1' })).statusCode).toBe(404);
  });

  it('OPTIONS lists the methods; any other method on a known path is 405 with Allow', async () => {
    const options = await app.inject({ method: 'OPTIONS', url: '/books' });
    expect(options.statusCode).toBe(204);
    expect(options.headers.allow).toBe('GET, HEAD, POST, OPTIONS');
    const notAllowed = await app.inject({ method: 'DELETE', url: '/books', headers: writer });
    expect(notAllowed.statusCode).toBe(405);
    expect(notAllowed.headers.allow).toBe('GET, HEAD, POST, OPTIONS');
    expect((await app.inject({ method: 'POST', url: '/books/1' })).headers.allow).toBe('GET, HEAD, PUT, PATCH, DELETE, OPTIONS');
    expect((await app.inject({ url: '/nowhere' })).statusCode).toBe(404);
  });
});

describe('conditional writes (ETag / If-Match)', () => {
  it('412 when If-Match names an old version; the write with the current one succeeds', async () => {
    const { etag } = (await app.inject({ url: '/books/1' })).headers as { etag: string };
    const ours = await app.inject({ method: 'PUT', url: '/books/1', payload: { ...dune, year: 1966 }, headers: { ...writer, 'if-match': etag } });
    expect(ours.statusCode).toBe(200);
    const theirs = await app.inject({ method: 'PUT', url: '/books/1', payload: { ...dune, title: 'Dune!' }, headers: { ...writer, 'if-match': etag } });
    expect(theirs.statusCode).toBe(412);
    expect((await app.inject({ url: '/books/1' })).json().title).toBe('Dune');
    const withCurrent = await app.inject({ method: 'DELETE', url: '/books/1', headers: { ...writer, 'if-match': ours.headers.etag as string } });
    expect(withCurrent.statusCode).toBe(204);
  });

  it('If-Match compares strongly (a weak tag fails) and * needs the book to exist', async () => {
    const { etag } = (await app.inject({ url: '/books/1' })).headers as { etag: string };
    expect((await app.inject({ method: 'DELETE', url: '/books/1', headers: { ...writer, 'if-match': `W/${etag}` } })).statusCode).toBe(412);
    expect((await app.inject({ method: 'DELETE', url: '/books/7', headers: { ...writer, 'if-match': '*' } })).statusCode).toBe(412);
    expect((await app.inject({ method: 'DELETE', url: '/books/1', headers: { ...writer, 'if-match': '*' } })).statusCode).toBe(204);
  });
});

describe('request bodies', () => {
  it('422 for a body that breaks the schema, with a JSON Pointer per problem', async () => {
    const response = await post({ title: '', author: 'X', year: '1999', isbn: '123', extra: true });
    expect(response.statusCode).toBe(422);
    const pointers = (response.json().errors as { pointer: string }[]).map((e) => e.pointer).sort();
    expect(pointers).toEqual(['/extra', '/isbn', '/title', '/year']);
  });

  it('400 for JSON that does not parse, 415 for another media type, 413 above the body limit', async () => {
    expect((await app.inject({ method: 'POST', url: '/books', payload: '{"title":', headers: { ...writer, 'content-type': 'application/json' } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: '/books', payload: 'title=Dune', headers: { ...writer, 'content-type': 'application/x-www-form-urlencoded' } })).statusCode).toBe(415);
    expect((await app.inject({ method: 'POST', url: '/books', payload: 'Dune', headers: { ...writer, 'content-type': 'text/plain' } })).statusCode).toBe(415);
    const huge = await post({ ...emma, title: 'x'.repeat(2000) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ status: 413, detail: 'the body exceeds 1024 bytes' });
  });
});

describe('auth on write routes', () => {
  it('reads are open; a write without credentials is 401 with a challenge, before the body is looked at', async () => {
    expect((await app.inject({ url: '/books' })).statusCode).toBe(200);
    const response = await app.inject({ method: 'POST', url: '/books', payload: 'not even json', headers: { 'content-type': 'application/json' } });
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="bookshelf"');
    expect(response.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
  });

  it('401 invalid_token for a forged token; 403 insufficient_scope for a reader', async () => {
    const forged = await post(emma, { authorization: `Bearer ${token('books:write').slice(0, -3)}abc` });
    expect(forged.statusCode).toBe(401);
    expect(forged.headers['www-authenticate']).toContain('error="invalid_token"');
    const reader = await post(emma, { authorization: `Bearer ${token('books:read')}` });
    expect(reader.statusCode).toBe(403);
    expect(reader.headers['www-authenticate']).toContain('error="insufficient_scope", scope="books:write"');
    expect((await app.inject({ url: '/books' })).json().items).toHaveLength(1);
  });

  it('answers a token whose header holds CR/LF or non-Latin-1 text with a clean 401, nothing of it echoed', async () => {
    const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const alg of ['HS256\r\nSet-Cookie: a=b', 'HS256\u2603']) {
      const hostile = `${segment({ alg })}.${segment({ sub: 'x' })}.${'A'.repeat(43)}`;
      const response = await post(emma, { authorization: `Bearer ${hostile}` });
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="bookshelf", error="invalid_token", error_description="the token algorithm is not accepted"');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.body).not.toMatch(/Set-Cookie|\u2603/);
    }
  });
});

describe('pagination', () => {
  it('pages with a cursor and a Link header until next is null', async () => {
    for (let i = 0; i < 4; i += 1) await post({ ...emma, isbn: `978014143958${i}` });
    const seen: number[] = [];
    let url: string | undefined = '/books?limit=2';
    let pages = 0;
    while (url) {
      const response: LightMyRequestResponse = await app.inject({ url });
      const page = response.json() as { items: { id: number }[]; next: string | null };
      seen.push(...page.items.map((b) => b.id));
      url = /<([^>]+)>; rel="next"/.exec(String(response.headers.link ?? ''))?.[1];
      expect(url === undefined).toBe(page.next === null);
      pages += 1;
    }
    expect(seen).toEqual([1, 2, 3, 4, 5]);
    expect(pages).toBe(3);
    expect((await app.inject({ url: '/books?limit=500' })).statusCode).toBe(400);
  });
});
