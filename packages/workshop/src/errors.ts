/**
 * Errors of `@scalable-ts/workshop`, each with a stable `code` so callers branch on
 * `error.code` instead of parsing messages. Bad arguments to public functions are `TypeError`s.
 */

/** Base class of every error this package defines. */
export abstract class WorkshopError extends Error {
  /** Stable machine-readable code, e.g. `ERR_WORKSHOP_NOTEBOOK_CHANGED`. */
  abstract readonly code: string;

  constructor(message: string, options?: { readonly cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * Two notebooks would have the same name in the workshop's URLs (`/nb/<name>`).
 *
 * @example
 * ```ts
 * await startWorkshop({ notebooks: ['a/01-x.ipynb', 'b/01-x.ipynb'] }); // throws NotebookNameConflictError
 * ```
 */
export class NotebookNameConflictError extends WorkshopError {
  static readonly code = 'ERR_WORKSHOP_NAME_CONFLICT';
  readonly code = 'ERR_WORKSHOP_NAME_CONFLICT';

  constructor(
    readonly notebookName: string,
    readonly paths: readonly string[],
  ) {
    super(`Two notebooks would both be served as "${notebookName}": ${paths.join(' and ')}`);
  }
}

/** A page asked for a notebook the workshop does not serve. */
export class UnknownNotebookError extends WorkshopError {
  static readonly code = 'ERR_WORKSHOP_UNKNOWN_NOTEBOOK';
  readonly code = 'ERR_WORKSHOP_UNKNOWN_NOTEBOOK';

  constructor(readonly notebookName: string) {
    super(`No notebook named "${notebookName}" in this workshop`);
  }
}

/** The notebook file changed on disk since the page read it; saving would overwrite that change. */
export class NotebookChangedError extends WorkshopError {
  static readonly code = 'ERR_WORKSHOP_NOTEBOOK_CHANGED';
  readonly code = 'ERR_WORKSHOP_NOTEBOOK_CHANGED';

  constructor(readonly path: string) {
    super(`${path} changed on disk since this page loaded it; reload the page (your edits are not saved)`);
  }
}

/** A page sent a message that is not part of the protocol (`src/protocol.ts`). */
export class ClientMessageError extends WorkshopError {
  static readonly code = 'ERR_WORKSHOP_CLIENT_MESSAGE';
  readonly code = 'ERR_WORKSHOP_CLIENT_MESSAGE';
}
