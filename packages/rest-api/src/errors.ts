/**
 * The errors the bookshelf answers with, each an RFC 9457 problem: a stable `code`, an HTTP
 * `status`, a `type` URI (a tag URI: an identifier, not a page to fetch) and extra headers.
 */

import type { AuthErrorCode } from '@scalable-ts/auth';
import { CodedError, coded } from '@scalable-ts/base';

const TYPE_PREFIX = 'tag:scalable-ts,2025:problem:';

/** The stable codes of the bookshelf's problems: one per class, and `@scalable-ts/auth`'s for {@link AuthProblemError}. */
export type ProblemErrorCode = 'ERR_PROBLEM' | 'ERR_BOOK_NOT_FOUND' | 'ERR_ISBN_CONFLICT'
  | 'ERR_PRECONDITION_FAILED' | 'ERR_METHOD_NOT_ALLOWED' | 'ERR_UNSUPPORTED_MEDIA_TYPE' | 'ERR_VALIDATION'
  | 'ERR_BAD_REQUEST' | 'ERR_PAYLOAD_TOO_LARGE' | AuthErrorCode;

/** What a problem carries besides its status, title and detail. */
export interface ProblemExtra {
  /** Makes `type` a tag URI of its own; `about:blank` without. */
  slug?: string;
  headers?: Record<string, string | string[]>;
  errors?: { pointer: string; detail: string }[];
}

/** Base class: an error that becomes an `application/problem+json` response. */
export class ProblemError extends CodedError<ProblemErrorCode> {
  static readonly code: ProblemErrorCode = 'ERR_PROBLEM';
  readonly status: number;
  /** `about:blank` when the status code says it all. */
  readonly type: string;
  readonly title: string;
  readonly headers: Readonly<Record<string, string | string[]>>;
  readonly errors?: { pointer: string; detail: string }[];
  constructor(status: number, title: string, detail: string, extra: ProblemExtra = {}, code?: ProblemErrorCode) {
    super(detail, undefined, code);
    this.status = status;
    this.title = title;
    this.type = extra.slug === undefined ? 'about:blank' : `${TYPE_PREFIX}${extra.slug}`;
    this.headers = extra.headers ?? {};
    if (extra.errors !== undefined) this.errors = extra.errors;
  }
}

/** 404: no book with this id. */
export class BookNotFoundError extends coded(ProblemError, 'ERR_BOOK_NOT_FOUND') {
  constructor(id: number) {
    super(404, 'Not Found', `no book with id ${id}`);
  }
}

/** 409: the ISBN belongs to another book. */
export class IsbnConflictError extends coded(ProblemError, 'ERR_ISBN_CONFLICT') {
  constructor(isbn: string, owner: number) {
    super(409, 'ISBN already on the shelf', `ISBN ${isbn} belongs to book ${owner}`, { slug: 'isbn-conflict' });
  }
}

/** 412: If-Match named another version than the current one. */
export class PreconditionFailedError extends coded(ProblemError, 'ERR_PRECONDITION_FAILED') {
  constructor(detail: string) {
    super(412, 'Precondition Failed', detail);
  }
}

/** 405: the path exists, the method does not; `Allow` lists the ones that do. */
export class MethodNotAllowedError extends coded(ProblemError, 'ERR_METHOD_NOT_ALLOWED') {
  constructor(method: string, allow: readonly string[]) {
    super(405, 'Method Not Allowed', `${method} is not supported here`, { headers: { allow: allow.join(', ') } });
  }
}

/** 415: a body in a media type the route does not take. */
export class UnsupportedMediaTypeError extends coded(ProblemError, 'ERR_UNSUPPORTED_MEDIA_TYPE') {
  constructor(given: string, accepted: string, headers: Record<string, string> = {}) {
    super(415, 'Unsupported Media Type', `expected ${accepted}, got ${given || 'no Content-Type'}`, { headers });
  }
}

/** 422: well-formed JSON that breaks the schema. */
export class ValidationProblemError extends coded(ProblemError, 'ERR_VALIDATION') {
  constructor(errors: { pointer: string; detail: string }[]) {
    super(422, 'Unprocessable Content', 'the request body does not match the schema', { slug: 'validation', errors });
  }
}

/** 400: a request the server cannot parse (bad JSON, bad query). */
export class BadRequestError extends coded(ProblemError, 'ERR_BAD_REQUEST') {
  constructor(detail: string) {
    super(400, 'Bad Request', detail);
  }
}

/** 413: the body is larger than the server accepts. */
export class PayloadTooLargeError extends coded(ProblemError, 'ERR_PAYLOAD_TOO_LARGE') {
  constructor(limit: number) {
    super(413, 'Content Too Large', `the body exceeds ${limit} bytes`);
  }
}

/** 401/403 from `@scalable-ts/auth`, with its `WWW-Authenticate` challenges. */
export class AuthProblemError extends ProblemError {
  constructor(status: 401 | 403, code: AuthErrorCode, detail: string, challenges: string[]) {
    const challenge = challenges.length === 1 ? challenges[0] : challenges;
    const extra = challenge && challenge.length > 0 ? { headers: { 'www-authenticate': challenge } } : {};
    super(status, status === 401 ? 'Unauthorized' : 'Forbidden', detail, extra, code);
  }
}
