/**
 * `@scalable-ts/rest-api`: a small bookshelf REST service on Fastify, its OpenAPI 3.1 document,
 * and a typed client generated from that document.
 *
 * @example
 * ```ts
 * import { startBookshelf, createBookshelfClient } from '@scalable-ts/rest-api';
 *
 * const shelf = await startBookshelf({ auth: false });
 * const client = createBookshelfClient(shelf.url);
 * const { data, response } = await client.POST('/books', {
 *   body: { title: 'Dune', author: 'Frank Herbert', year: 1965, isbn: '9780441013593' },
 * });
 * response.status; // 201
 * await shelf.close();
 * ```
 * @packageDocumentation
 */
export { buildBookshelf, startBookshelf, type BookshelfOptions, type RunningBookshelf } from './server.js';
export { WRITE_SCOPE } from './books/routes.js';
export { securitySchemesOf, type SecurityScheme } from './security.js';
export {
  ProblemError,
  BookNotFoundError,
  IsbnConflictError,
  PreconditionFailedError,
  MethodNotAllowedError,
  UnsupportedMediaTypeError,
  ValidationProblemError,
  BadRequestError,
  PayloadTooLargeError,
  AuthProblemError,
  type ProblemErrorCode,
} from './errors.js';
export {
  createBookshelfClient,
  type BookshelfClient,
  type BookshelfClientOptions,
  type BookshelfPaths,
  type BookshelfComponents,
  type BookResource,
  type BookInputResource,
  type ProblemResource,
} from './client.js';
