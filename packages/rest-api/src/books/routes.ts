/**
 * How it works: the bookshelf's routes, one per method and path, with RFC 9110 semantics.
 *
 *   method   path         safe idempotent  success
 *   GET      /books       yes  yes         200, a page; Link rel="next"
 *   HEAD     /books/{id}  yes  yes         200 with GET's headers, no body (Fastify adds HEAD)
 *   POST     /books       no   no          201 + Location + ETag; 409 on a taken ISBN
 *   GET      /books/{id}  yes  yes         200 + ETag; 304 for a matching If-None-Match
 *   PUT      /books/{id}  no   yes         200; 412 when If-Match is stale
 *   PATCH    /books/{id}  no   no          200; body application/merge-patch+json
 *   DELETE   /books/{id}  no   yes         204; 404 the second time
 *   OPTIONS  either       yes  yes         204 + Allow
 *   anything else on a known path          405 + Allow
 *
 * Write routes run the authorizer first (onRequest), before the body is even read.
 */
import type { Authorizer } from '@scalable-ts/auth';
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema, onRequestHookHandler, preValidationHookHandler } from 'fastify';
import { AuthProblemError, BookNotFoundError, MethodNotAllowedError, UnsupportedMediaTypeError } from '../errors.js';
import { ifNoneMatchHits } from './etag.js';
import { BookId, BookInput, BookPatch, ListQuery } from './schemas.js';
import type { BookStore, Versioned } from './store.js';

/** The scope a token needs for every write. */
export const WRITE_SCOPE = 'books:write';

const ALLOW = { '/books': ['GET', 'HEAD', 'POST', 'OPTIONS'], '/books/:id': ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] } as const;
const KNOWN_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE'] as const;

const ref = (id: string) => Type.Ref(id);
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });
const json = (description: string, schema: unknown, headers: Record<string, unknown> = {}) => ({
  description,
  headers,
  content: { 'application/json': { schema } },
});
const ETAG_HEADER = { ETag: { type: 'string', description: 'The strong entity tag of this version.' } };
/** Reads may be stored by any cache, but must be revalidated (If-None-Match) before each reuse. */
const CACHE_CONTROL = 'no-cache';
const CACHE_HEADER = { 'Cache-Control': { type: 'string', description: 'no-cache: store, but revalidate before reuse.' } };
const AUTH_PROBLEMS = {
  401: problem('No or invalid credentials; see WWW-Authenticate.'),
  403: problem('Authenticated, but without the books:write scope.'),
};
const BODY_PROBLEMS = {
  413: problem('The body is larger than the limit.'),
  415: problem('The body is not in the media type this route takes.'),
  422: problem('The body does not match the schema.'),
};
/** Responses of PUT and PATCH: the new version, or why not. */
const conditionalWrite = (description: string) => ({
  200: json(description, ref('Book'), ETAG_HEADER),
  404: problem('No such book.'),
  409: problem('Another book has this ISBN.'),
  412: problem('If-Match did not match the current ETag.'),
});
const IF_MATCH = Type.Object({
  'if-match': Type.Optional(Type.String({ description: 'Write only if the book still has this ETag (412 otherwise).' })),
});

type IdRequest = FastifyRequest<{ Params: Static<typeof BookId>; Headers: Static<typeof IF_MATCH> }>;

function sendBook(reply: FastifyReply, { book, etag }: Versioned, status = 200): FastifyReply {
  return reply.code(status).header('etag', etag).send(book);
}

function mediaType(request: FastifyRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function requireMediaType(expected: string, headers: Record<string, string> = {}): preValidationHookHandler {
  return async (request) => {
    const given = mediaType(request);
    if (given !== expected) throw new UnsupportedMediaTypeError(given, expected, headers);
  };
}

/**
 * Registers the bookshelf routes on `app`. `auth: false` leaves the writes open (for benchmarks
 * and demos). `schemes` names the security schemes of the document: each is enough on its own,
 * so a write lists one requirement per scheme (none when the writes are open).
 */
export function registerBookRoutes(app: FastifyInstance, store: BookStore, auth: Authorizer | false, schemes: readonly string[] = []): void {
  const security = schemes.map((name) => ({ [name]: [] }));
  const authorize: onRequestHookHandler = async (request) => {
    if (auth === false) return;
    const result = await auth.check(request.headers, { scopes: [WRITE_SCOPE] });
    // description, not message: the message may quote the token (its alg, a crit name), and the
    // detail is sent to whoever sent that token. The message is for the server's log.
    if (!result.ok) throw new AuthProblemError(result.status, result.error.code, result.error.description, result.wwwAuthenticate);
  };
  const write = (schema: FastifySchema): FastifySchema => ({
    ...schema,
    ...(security.length > 0 ? { security } : {}),
    response: { ...(schema.response as object), ...AUTH_PROBLEMS, ...(schema.body ? BODY_PROBLEMS : {}) },
  });
  const find = (id: number): Versioned => {
    const found = store.get(id);
    if (!found) throw new BookNotFoundError(id);
    return found;
  };

  app.get<{ Querystring: Static<typeof ListQuery> }>('/books', {
    schema: {
      summary: 'List books, a page at a time',
      tags: ['books'],
      querystring: ListQuery,
      response: {
        200: json('A page of books, oldest first.', ref('BookPage'), {
          ...CACHE_HEADER,
          Link: { type: 'string', description: 'rel="next": the following page.' },
        }),
        400: problem('A malformed query.'),
      },
    },
  }, async (request, reply) => {
    const limit = request.query.limit ?? 20;
    const page = store.list(limit, request.query.cursor);
    reply.header('cache-control', CACHE_CONTROL);
    if (page.next !== null) reply.header('link', `</books?limit=${limit}&cursor=${page.next}>; rel="next"`);
    return page;
  });

  app.post<{ Body: Static<typeof BookInput> }>('/books', {
    onRequest: authorize,
    preValidation: requireMediaType('application/json'),
    schema: write({
      summary: 'Add a book',
      tags: ['books'],
      body: ref('BookInput'),
      response: {
        201: json('Created; Location names the new book.', ref('Book'), { ...ETAG_HEADER, Location: { type: 'string' } }),
        409: problem('Another book has this ISBN.'),
      },
    }),
  }, async (request, reply) => {
    const created = store.create(request.body);
    return sendBook(reply.header('location', `/books/${created.book.id}`), created, 201);
  });

  app.get('/books/:id', {
    schema: {
      summary: 'Read a book',
      tags: ['books'],
      params: BookId,
      headers: Type.Object({ 'if-none-match': Type.Optional(Type.String({ description: 'Answer 304 if the ETag still matches.' })) }),
      response: {
        200: json('The book.', ref('Book'), { ...ETAG_HEADER, ...CACHE_HEADER }),
        304: { description: 'Not Modified: your copy is current.', type: 'null' },
        404: problem('No such book.'),
      },
    },
  }, async (request: IdRequest, reply) => {
    const found = find(request.params.id);
    reply.header('cache-control', CACHE_CONTROL);
    if (ifNoneMatchHits(request.headers['if-none-match'] as string | undefined, found.etag)) {
      return reply.code(304).header('etag', found.etag).send();
    }
    return sendBook(reply, found);
  });

  app.put<{ Params: Static<typeof BookId>; Body: Static<typeof BookInput>; Headers: Static<typeof IF_MATCH> }>('/books/:id', {
    onRequest: authorize,
    preValidation: requireMediaType('application/json'),
    schema: write({
      summary: 'Replace a book',
      tags: ['books'],
      params: BookId,
      headers: IF_MATCH,
      body: ref('BookInput'),
      response: conditionalWrite('Replaced.'),
    }),
  }, async (request, reply) => sendBook(reply, store.replace(request.params.id, request.body, request.headers['if-match'])));

  app.patch<{ Params: Static<typeof BookId>; Body: Static<typeof BookPatch>; Headers: Static<typeof IF_MATCH> }>('/books/:id', {
    onRequest: authorize,
    preValidation: requireMediaType('application/merge-patch+json', { 'accept-patch': 'application/merge-patch+json' }),
    schema: write({
      summary: 'Change some fields of a book (JSON Merge Patch)',
      tags: ['books'],
      params: BookId,
      headers: IF_MATCH,
      consumes: ['application/merge-patch+json'],
      body: ref('BookPatch'),
      response: conditionalWrite('Patched.'),
    }),
  }, async (request, reply) => sendBook(reply, store.patch(request.params.id, request.body, request.headers['if-match'])));

  app.delete<{ Params: Static<typeof BookId>; Headers: Static<typeof IF_MATCH> }>('/books/:id', {
    onRequest: authorize,
    schema: write({
      summary: 'Remove a book',
      tags: ['books'],
      params: BookId,
      headers: IF_MATCH,
      response: {
        204: { description: 'Deleted.', type: 'null' },
        404: problem('No such book.'),
        412: problem('If-Match did not match the current ETag.'),
      },
    }),
  }, async (request, reply) => {
    store.delete(request.params.id, request.headers['if-match']);
    return reply.code(204).send();
  });

  for (const [url, allowed] of Object.entries(ALLOW)) {
    app.options(url, {
      schema: { summary: 'Which methods this path supports', tags: ['books'], response: { 204: { description: 'See Allow.', type: 'null', headers: { Allow: { type: 'string' } } } } },
    }, async (_request, reply) => reply.code(204).header('allow', allowed.join(', ')).send());
    const others = KNOWN_METHODS.filter((method) => !(allowed as readonly string[]).includes(method));
    app.route({
      method: others,
      url,
      schema: { hide: true },
      handler: async (request) => {
        throw new MethodNotAllowedError(request.method, allowed);
      },
    });
  }
}

