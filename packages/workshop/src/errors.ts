/**
 * Errors of `@scalable-ts/workshop`, each with a stable `code` so callers branch on
 * `error.code` instead of parsing messages. Bad arguments to public functions are `TypeError`s.
 */

import { CodedError, coded } from '@scalable-ts/base';

/** The stable codes of this package's errors, one per class. */
export type WorkshopErrorCode = 'ERR_WORKSHOP_NAME_CONFLICT' | 'ERR_WORKSHOP_UNKNOWN_NOTEBOOK'
  | 'ERR_WORKSHOP_NOTEBOOK_CHANGED' | 'ERR_WORKSHOP_CLIENT_MESSAGE';

/** Base class of every error this package defines. */
export abstract class WorkshopError extends CodedError<WorkshopErrorCode> {}

/**
 * Two notebooks would have the same name in the workshop's URLs (`/nb/<name>`).
 *
 * @example
 * ```ts
 * await startWorkshop({ notebooks: ['a/01-x.ipynb', 'b/01-x.ipynb'] }); // throws NotebookNameConflictError
 * ```
 */
export class NotebookNameConflictError extends coded(WorkshopError, 'ERR_WORKSHOP_NAME_CONFLICT') {
  constructor(
    readonly notebookName: string,
    readonly paths: readonly string[],
  ) {
    super(`Two notebooks would both be served as "${notebookName}": ${paths.join(' and ')}`);
  }
}

/** A page asked for a notebook the workshop does not serve. */
export class UnknownNotebookError extends coded(WorkshopError, 'ERR_WORKSHOP_UNKNOWN_NOTEBOOK') {
  constructor(readonly notebookName: string) {
    super(`No notebook named "${notebookName}" in this workshop`);
  }
}

/** The notebook file changed on disk since the page read it; saving would overwrite that change. */
export class NotebookChangedError extends coded(WorkshopError, 'ERR_WORKSHOP_NOTEBOOK_CHANGED') {
  constructor(readonly path: string) {
    super(`${path} changed on disk since this page loaded it; reload the page (your edits are not saved)`);
  }
}

/** A page sent a message that is not part of the protocol (`src/protocol.ts`). */
export class ClientMessageError extends coded(WorkshopError, 'ERR_WORKSHOP_CLIENT_MESSAGE') {
}
