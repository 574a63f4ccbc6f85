// The errors of the mocking example, each with a stable `code` to test against.

/** A response whose status was not 2xx. */
export class HttpError extends Error {
  readonly code = "ERR_HTTP_STATUS";
  readonly status: number;
  constructor(status: number, url: string) {
    super(`GET ${url} answered ${status}`);
    this.name = "HttpError";
    this.status = status;
  }
}

/** Thrown when every attempt failed; `cause` is the last attempt's error. */
export class RetryError extends Error {
  readonly code = "ERR_RETRY_EXHAUSTED";
  readonly attempts: number;
  constructor(attempts: number, cause: unknown) {
    super(`gave up after ${attempts} attempts`, { cause });
    this.name = "RetryError";
    this.attempts = attempts;
  }
}
