/**
 * Errors thrown or reported by `@scalable-ts/render`.
 *
 * Every class carries a stable `code` (also available as a static property) so callers can
 * branch on `error.code` instead of parsing messages; messages name the file or value at fault.
 * Bad arguments to public functions are plain `TypeError`s naming the argument.
 */

import { CodedError, coded, type CauseOptions } from '@scalable-ts/base';

/** The stable codes of this package's errors, one per class. */
export type RenderErrorCode = 'ERR_RENDER_NOTEBOOK_READ' | 'ERR_RENDER_PAGE_CONFLICT' | 'ERR_RENDER_PAGE' | 'ERR_RENDER_SERVE_ROOT';

/** `message`, followed by `: ` and the cause's message when the cause is an `Error`. */
function withCause(message: string, options: CauseOptions | undefined): string {
  return options?.cause instanceof Error ? `${message}: ${options.cause.message}` : message;
}

/** Base class of every error this package defines. */
export abstract class RenderError extends CodedError<RenderErrorCode> {}

/**
 * A notebook file could not be read from disk (missing, unreadable).
 *
 * @example
 * ```ts
 * if (failure.error instanceof NotebookReadError) console.error(failure.error.path);
 * ```
 */
export class NotebookReadError extends coded(RenderError, 'ERR_RENDER_NOTEBOOK_READ') {
  /** The notebook path that could not be read. */
  readonly path: string;

  constructor(path: string, options?: CauseOptions) {
    super(withCause(`Cannot read notebook ${path}`, options), options);
    this.path = path;
  }
}

/**
 * Two notebooks of one site would be written to the same HTML file (same base name in different
 * folders, or a notebook named `index.ipynb`, which would overwrite the index page).
 */
export class PageConflictError extends coded(RenderError, 'ERR_RENDER_PAGE_CONFLICT') {
  /** The notebook that was not rendered. */
  readonly path: string;
  /** The HTML file name both claim. */
  readonly htmlName: string;

  constructor(path: string, htmlName: string, claimedBy: string) {
    super(`${path}: its page ${htmlName} is already taken by ${claimedBy}`);
    this.path = path;
    this.htmlName = htmlName;
  }
}

/** A notebook parsed but rendering or writing its page failed. */
export class PageRenderError extends coded(RenderError, 'ERR_RENDER_PAGE') {
  /** The notebook whose page failed. */
  readonly path: string;

  constructor(path: string, options?: CauseOptions) {
    super(withCause(`Cannot render ${path}`, options), options);
    this.path = path;
  }
}

/** `serveSite` was given a root that does not exist or is not a directory. */
export class ServeRootError extends coded(RenderError, 'ERR_RENDER_SERVE_ROOT') {
  /** The directory that was asked for. */
  readonly dir: string;

  constructor(dir: string, options?: CauseOptions) {
    super(`Cannot serve ${dir}: not a directory`, options);
    this.dir = dir;
  }
}
