import { Validator } from '@seriousme/openapi-schema-validator';
import { ApiKeyStore, apiKeyAuthenticator, basicAuthenticator, bearerJwtAuthenticator, createAuthorizer, signJwt } from '@scalable-ts/auth';
import { createSecretKey, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs script without types
import { renderTypes, TYPES_FILE } from '../scripts/openapi-types.mjs';
import { createBookshelfClient } from './client.js';
import { buildBookshelf, startBookshelf, type RunningBookshelf } from './server.js';

const render = renderTypes as (document: unknown) => Promise<string>;

describe('the OpenAPI document', () => {
  let document: Record<string, any>;
  beforeAll(async () => {
    const app = await buildBookshelf({ auth: false });
    document = (await app.inject({ url: '/openapi.json' })).json();
    await app.close();
  });

  it('is a valid OpenAPI 3.1 document (checked offline against the official schema)', async () => {
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('describes every route, the problem responses and the security of writes', () => {
    expect(Object.keys(document.paths)).toEqual(['/books', '/books/{id}']);
    expect(Object.keys(document.paths['/books/{id}'])).toEqual(['get', 'put', 'patch', 'delete', 'options']);
    expect(Object.keys(document.components.schemas)).toEqual(['Book', 'BookInput', 'BookPatch', 'BookPage', 'Problem']);
    expect(document.paths['/books'].post.security).toBeUndefined();
    expect(document.components.securitySchemes).toEqual({});
    expect(Object.keys(document.paths['/books'].post.responses['409'].content)).toEqual(['application/problem+json']);
    expect(Object.keys(document.paths['/books/{id}'].patch.requestBody.content)).toEqual(['application/merge-patch+json']);
  });

  it('matches the committed client types (run `npm run generate:client` when this fails)', async () => {
    const committed = await readFile(new URL(`../${TYPES_FILE as string}`, import.meta.url), 'utf8');
    expect(await render(document)).toBe(committed);
  });
});

describe('the security schemes, read from the configured authorizer', () => {
  const secret = createSecretKey(randomBytes(32));
  const bearer = bearerJwtAuthenticator(secret, { algorithms: ['HS256'] });
  const documentFor = async (auth: Parameters<typeof buildBookshelf>[0]['auth']) => {
    const app = await buildBookshelf({ auth });
    const served = (await app.inject({ url: '/openapi.json' })).json();
    await app.close();
    return served as Record<string, any>;
  };

  it('declares only the bearer scheme when that is all the authorizer accepts', async () => {
    const served = await documentFor(createAuthorizer({ realm: 'bookshelf', authenticators: [bearer] }));
    expect(served.components.securitySchemes).toEqual({ bearerAuth: { type: 'http', scheme: 'bearer' } });
    expect(served.paths['/books'].post.security).toEqual([{ bearerAuth: [] }]);
    expect(served.paths['/books/{id}'].delete.security).toEqual([{ bearerAuth: [] }]);
    expect(served.paths['/books'].get.security).toBeUndefined();
  });

  it('declares each authenticator, in order, and stays a valid OpenAPI 3.1 document', async () => {
    const keys = new ApiKeyStore({ prefix: 'bks' });
    const basic = basicAuthenticator(() => undefined, { log2N: 10, r: 8, p: 1 });
    const auth = createAuthorizer({ realm: 'bookshelf', authenticators: [bearer, apiKeyAuthenticator(keys, { header: 'x-shelf-key' }), basic] });
    const served = await documentFor(auth);
    expect(served.components.securitySchemes).toEqual({
      bearerAuth: { type: 'http', scheme: 'bearer' },
      apiKey: { type: 'apiKey', in: 'header', name: 'x-shelf-key' },
      basicAuth: { type: 'http', scheme: 'basic' },
    });
    expect(served.paths['/books'].post.security).toEqual([{ bearerAuth: [] }, { apiKey: [] }, { basicAuth: [] }]);
    const result = await new Validator().validate(served);
    expect(result.errors).toBeUndefined();
  });
});

describe('the typed client against a running service', () => {
  const secret = createSecretKey(randomBytes(32));
  const token = signJwt({ sub: 'ada', scope: 'books:write' }, secret, { alg: 'HS256', expiresInSeconds: 60 });
  let shelf: RunningBookshelf;
  beforeAll(async () => {
    const auth = createAuthorizer({ realm: 'bookshelf', authenticators: [bearerJwtAuthenticator(secret, { algorithms: ['HS256'] })] });
    shelf = await startBookshelf({ auth });
  });
  afterAll(() => shelf.close());

  it('creates, reads, patches and deletes with types from the document', async () => {
    expect(shelf.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const client = createBookshelfClient(shelf.url, { token });
    const created = await client.POST('/books', { body: { title: 'Dune', author: 'Frank Herbert', year: 1965, isbn: '9780441013593' } });
    expect(created.response.status).toBe(201);
    const id = created.data?.id ?? 0;
    const read = await client.GET('/books/{id}', { params: { path: { id } } });
    expect(read.data?.title).toBe('Dune');
    const etag = read.response.headers.get('etag') ?? '';
    const patched = await client.PATCH('/books/{id}', {
      params: { path: { id }, header: { 'if-match': etag } },
      body: { year: 1966 },
      headers: { 'content-type': 'application/merge-patch+json' },
    });
    expect(patched.data?.year).toBe(1966);
    const stale = await client.PUT('/books/{id}', { params: { path: { id }, header: { 'if-match': etag } }, body: { title: 'Dune', author: 'F. H.', year: 1965, isbn: '9780441013593' } });
    expect(stale.response.status).toBe(412);
    expect(stale.error?.title).toBe('Precondition Failed');
    const anonymous = await createBookshelfClient(shelf.url).DELETE('/books/{id}', { params: { path: { id } } });
    expect(anonymous.response.status).toBe(401);
    expect((await client.DELETE('/books/{id}', { params: { path: { id } } })).response.status).toBe(204);
  });
});
