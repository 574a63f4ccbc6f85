/**
 * The errors the bookshelf answers with, each an RFC 9457 problem: a stable `code`, an HTTP
 * `status`, a `type` URI (a tag URI: an identifier, not a page to fetch) and extra headers.
 */

const TYPE_PREFIX = 'tag:scalable-ts,2025:problem:';

/** Base class: an error that becomes an `application/problem+json` response. */
export class ProblemError extends Error {
  readonly code: string = 'ERR_PROBLEM';
  readonly status: number;
  /** `about:blank` when the status code says it all. */
  readonly type: string;
  readonly title: string;
  readonly headers: Readonly<Record<string, string | string[]>>;
  readonly errors?: { pointer: string; detail: string }[];
  constructor(
    status: number,
    title: string,
    detail: string,
    extra: { slug?: string; headers?: Record<string, string | string[]>; errors?: { pointer: string; detail: string }[] } = {},
  ) {
    super(detail);
    this.name = new.target.name;
    this.status = status;
    this.title = title;
    this.type = extra.slug === undefined ? 'about:blank' : `${TYPE_PREFIX}${extra.slug}`;
    this.headers = extra.headers ?? {};
    if (extra.errors !== undefined) this.errors = extra.errors;
  }
}

/** 404: no book with this id. */
export class BookNotFoundError extends ProblemError {
  override readonly code = 'ERR_BOOK_NOT_FOUND';
  constructor(id: number) {
    super(404, 'Not Found', `no book with id ${id}`);
  }
}

/** 409: the ISBN belongs to another book. */
export class IsbnConflictError extends ProblemError {
  override readonly code = 'ERR_ISBN_CONFLICT';
  constructor(isbn: string, owner: number) {
    super(409, 'ISBN already on the shelf', `ISBN ${isbn} belongs to book ${owner}`, { slug: 'isbn-conflict' });
  }
}

/** 412: If-Match named another version than the current one. */
export class PreconditionFailedError extends ProblemError {
  override readonly code = 'ERR_PRECONDITION_FAILED';
  constructor(detail: string) {
    super(412, 'Precondition Failed', detail);
  }
}

/** 405: the path exists, the method does not; `Allow` lists the ones that do. */
export class MethodNotAllowedError extends ProblemError {
  override readonly code = 'ERR_METHOD_NOT_ALLOWED';
  constructor(method: string, allow: readonly string[]) {
    super(405, 'Method Not Allowed', `${method} is not supported here`, { headers: { allow: allow.join(', ') } });
  }
}

/** 415: a body in a media type the route does not take. */
export class UnsupportedMediaTypeError extends ProblemError {
  override readonly code = 'ERR_UNSUPPORTED_MEDIA_TYPE';
  constructor(given: string, accepted: string, headers: Record<string, string> = {}) {
    super(415, 'Unsupported Media Type', `expected ${accepted}, got ${given || 'no Content-Type'}`, { headers });
  }
}

/** 422: well-formed JSON that breaks the schema. */
export class ValidationProblemError extends ProblemError {
  override readonly code = 'ERR_VALIDATION';
  constructor(errors: { pointer: string; detail: string }[]) {
    super(422, 'Unprocessable Content', 'the request body does not match the schema', { slug: 'validation', errors });
  }
}

/** 400: a request the server cannot parse (bad JSON, bad query). */
export class BadRequestError extends ProblemError {
  override readonly code = 'ERR_BAD_REQUEST';
  constructor(detail: string) {
    super(400, 'Bad Request', detail);
  }
}

/** 413: the body is larger than the server accepts. */
export class PayloadTooLargeError extends ProblemError {
  override readonly code = 'ERR_PAYLOAD_TOO_LARGE';
  constructor(limit: number) {
    super(413, 'Content Too Large', `the body exceeds ${limit} bytes`);
  }
}

/** 401/403 from `@scalable-ts/auth`, with its `WWW-Authenticate` challenges. */
export class AuthProblemError extends ProblemError {
  override readonly code: string;
  constructor(status: 401 | 403, code: string, detail: string, challenges: string[]) {
    const challenge = challenges.length === 1 ? challenges[0] : challenges;
    super(status, status === 401 ? 'Unauthorized' : 'Forbidden', detail, challenge && challenge.length > 0 ? { headers: { 'www-authenticate': challenge } } : {});
    this.code = code;
  }
}
