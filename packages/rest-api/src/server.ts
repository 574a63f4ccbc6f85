import swagger from '@fastify/swagger';
import type { Authorizer } from '@scalable-ts/auth';
import { Ajv } from 'ajv';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { registerBookRoutes } from './books/routes.js';
import { SHARED_SCHEMAS, type BookInput } from './books/schemas.js';
import { BookStore } from './books/store.js';
import { sendProblem, toProblem } from './problem.js';
import { securitySchemesOf } from './security.js';
import { ProblemError } from './errors.js';

/** Options of {@link buildBookshelf}. */
export interface BookshelfOptions {
  /** Protects the write routes; `false` leaves them open. */
  auth: Authorizer | false;
  /** Largest request body in bytes (413 above it); default 16 KiB. */
  bodyLimit?: number;
  /** Books to start with. */
  seed?: readonly BookInput[];
}

const DEFAULT_BODY_LIMIT = 16 * 1024;

/**
 * Builds the bookshelf service: a Fastify app whose route schemas validate requests and produce
 * the OpenAPI 3.1 document served at `GET /openapi.json`. Not listening yet: call
 * {@link startBookshelf}, or `app.inject()` in tests.
 *
 * @example
 * ```ts
 * const app = await buildBookshelf({ auth: false });
 * const response = await app.inject({ method: 'GET', url: '/books' });
 * response.statusCode; // 200
 * ```
 */
export async function buildBookshelf(options: BookshelfOptions): Promise<FastifyInstance> {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const app = Fastify({ bodyLimit, logger: false });

  // Bodies are validated strictly (no type coercion: "1999" is not a year); the query string is
  // all text, so numbers there are coerced.
  const strict = new Ajv({ allErrors: true, coerceTypes: false, useDefaults: true, removeAdditional: false, strict: false });
  const coercing = new Ajv({ coerceTypes: 'array', useDefaults: true, removeAdditional: false, strict: false });
  for (const schema of SHARED_SCHEMAS) {
    strict.addSchema(schema);
    coercing.addSchema(schema);
  }
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema));

  const securitySchemes = await securitySchemesOf(options.auth);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Bookshelf', version: '1.0.0', description: 'A small REST service: every method with its RFC 9110 semantics.' },
      tags: [{ name: 'books', description: 'The bookshelf' }],
      // Read from the authorizer this instance runs: the document advertises only what it accepts.
      components: { securitySchemes },
    },
    exposeHeadRoutes: false,
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);

  // Every answer is JSON (or empty): no browser may sniff it into HTML or script.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
  });
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('application/merge-patch+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
  app.setErrorHandler((error, request, reply) => sendProblem(reply, toProblem(error as Error, request, bodyLimit), request.url));
  app.setNotFoundHandler((request, reply) => sendProblem(reply, new ProblemError(404, 'Not Found', `nothing at ${request.url}`), request.url));

  const store = new BookStore();
  for (const book of options.seed ?? []) store.create(book);
  registerBookRoutes(app, store, options.auth, Object.keys(securitySchemes));
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.ready();
  return app;
}

/** A listening bookshelf, from {@link startBookshelf}. */
export interface RunningBookshelf {
  /** `http://127.0.0.1:<port>` */
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

/**
 * Builds the bookshelf and listens on 127.0.0.1, port 0 (a free port) unless told otherwise.
 *
 * @example
 * ```ts
 * const shelf = await startBookshelf({ auth: false });
 * const page = await (await fetch(`${shelf.url}/books`)).json();
 * await shelf.close();
 * ```
 */
export async function startBookshelf(options: BookshelfOptions & { host?: string; port?: number }): Promise<RunningBookshelf> {
  const app = await buildBookshelf(options);
  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  const { address, port } = app.server.address() as AddressInfo;
  return { url: `http://${address}:${port}`, app, close: () => app.close() };
}
