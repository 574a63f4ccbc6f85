/**
 * The typed client: openapi-fetch over the types openapi-typescript generated from this
 * service's own OpenAPI document (src/generated/openapi.ts). Paths, methods, parameters, bodies
 * and responses are all checked by the compiler: a misspelled path or a string where the schema
 * wants an integer is a compile error, not a 422 at run time.
 */
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './generated/openapi.js';

/** The bookshelf's paths, as generated from its OpenAPI document. */
export type BookshelfPaths = paths;
/** The schemas of the document's `components`. */
export type BookshelfComponents = components;
/** A book as the API returns it. */
export type BookResource = components['schemas']['Book'];
/** The body of POST and PUT. */
export type BookInputResource = components['schemas']['BookInput'];
/** An RFC 9457 problem. */
export type ProblemResource = components['schemas']['Problem'];
/** A typed client of the bookshelf. */
export type BookshelfClient = Client<paths>;

/** Options of {@link createBookshelfClient}. */
export interface BookshelfClientOptions {
  /** Sent as `Authorization: Bearer <token>` on every request. */
  token?: string;
  /** Sent as `x-api-key` on every request. */
  apiKey?: string;
}

/**
 * A typed client for a bookshelf at `baseUrl`.
 *
 * @example
 * ```ts
 * const client = createBookshelfClient('http://127.0.0.1:3000', { token });
 * const { data, error, response } = await client.GET('/books/{id}', { params: { path: { id: 1 } } });
 * if (data) data.title; // string
 * ```
 */
export function createBookshelfClient(baseUrl: string, options: BookshelfClientOptions = {}): BookshelfClient {
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.apiKey !== undefined) headers['x-api-key'] = options.apiKey;
  return createClient<paths>({ baseUrl, headers });
}
