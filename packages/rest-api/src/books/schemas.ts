/**
 * The bookshelf's JSON Schemas, written once with TypeBox: Fastify validates requests with them,
 * serializes responses with them, and @fastify/swagger turns them into the OpenAPI document.
 * Each shared schema has an `$id`, which becomes its name under `components/schemas`.
 */
import { Type, type Static } from '@sinclair/typebox';

const ISBN_13 = '^97[89][0-9]{10}$';

const fields = {
  title: Type.String({ minLength: 1, maxLength: 200, description: 'The title, as printed.' }),
  author: Type.String({ minLength: 1, maxLength: 200 }),
  year: Type.Integer({ minimum: 1450, maximum: 2100, description: 'Year of first publication.' }),
  isbn: Type.String({ pattern: ISBN_13, description: 'ISBN-13, digits only; unique on the shelf.' }),
};

/** A book as stored and returned. */
export const Book = Type.Object({ id: Type.Integer({ minimum: 1 }), ...fields }, { $id: 'Book', additionalProperties: false });
export type Book = Static<typeof Book>;

/** The body of POST and PUT: a whole book, without its id. */
export const BookInput = Type.Object(fields, { $id: 'BookInput', additionalProperties: false });
export type BookInput = Static<typeof BookInput>;

/** The body of PATCH, a JSON Merge Patch (RFC 7396): only the fields to change. */
export const BookPatch = Type.Partial(Type.Object(fields), {
  $id: 'BookPatch',
  additionalProperties: false,
  minProperties: 1,
  description: 'application/merge-patch+json: the fields to change.',
});
export type BookPatch = Static<typeof BookPatch>;

/** One page of books; `next` is the cursor of the following page, or null on the last. */
export const BookPage = Type.Object(
  { items: Type.Array(Type.Ref('Book')), next: Type.Union([Type.String(), Type.Null()]) },
  { $id: 'BookPage', additionalProperties: false },
);

/** RFC 9457 problem details. */
export const Problem = Type.Object(
  {
    type: Type.String({ description: 'A URI naming the kind of problem; about:blank when the status says it all.' }),
    title: Type.String(),
    status: Type.Integer({ minimum: 400, maximum: 599 }),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(Type.Object({ pointer: Type.String(), detail: Type.String() }, { additionalProperties: false }), {
        description: 'Validation failures, each with a JSON Pointer into the request body.',
      }),
    ),
  },
  { $id: 'Problem' },
);
export type Problem = Static<typeof Problem>;

export const BookId = Type.Object({ id: Type.Integer({ minimum: 1, description: 'The book id.' }) });
export const ListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'Books per page.' })),
    cursor: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$', description: 'The `next` of the previous page.' })),
  },
  { additionalProperties: false },
);

/** Every shared schema, to register with `app.addSchema`. */
export const SHARED_SCHEMAS = [Book, BookInput, BookPatch, BookPage, Problem];
