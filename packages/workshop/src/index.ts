/**
 * `@scalable-ts/workshop`: the live workshop. A local HTTP + WebSocket server that shows the
 * notebooks as the static site renders them and runs their cells, one tslab kernel per open
 * notebook, behind a token, loopback-only `Host` and same-origin checks.
 *
 * - {@link startWorkshop} starts the server and returns its URL (token included);
 * - `protocol.ts` types describe what the page and the server say to each other;
 * - {@link createAccessToken}, {@link tokensMatch} and {@link AccessGuard} are the access checks.
 *
 * @example
 * ```ts
 * import { startWorkshop } from '@scalable-ts/workshop';
 *
 * const workshop = await startWorkshop({ notebooks: ['notebooks/00-welcome.ipynb'] });
 * console.log(`Open ${workshop.url}`);
 * process.once('SIGINT', () => void workshop.close());
 * ```
 *
 * @packageDocumentation
 */
export { startWorkshop } from './server.js';
export type { Workshop, WorkshopOptions } from './server.js';
export type { Presenting, PresentOptions } from './present/start.js';
export { terminalQrCode } from './present/qr.js';
export { AccessGuard, createAccessToken, LOOPBACK_NAMES, readCookie, socketToken, tokensMatch, TOKEN_PARAM } from './guard.js';
export { DEFAULT_LIMITS } from './limits.js';
export type { WorkshopLimits } from './limits.js';
export type { GuardOptions, Verdict } from './guard.js';
export { fileVersion } from './catalog.js';
export { parseClientMessage } from './decode.js';
export { NOTEBOOK_PATH, SOCKET_PATH, SOCKET_PROTOCOL, TOKEN_PROTOCOL_PREFIX, TOKEN_STORAGE_KEY } from './protocol.js';
export type {
  CellRunState,
  CellView,
  ClientMessage,
  KernelStatus,
  KernelView,
  RunCell,
  RunMode,
  ServerMessage,
} from './protocol.js';
export {
  ClientMessageError,
  NotebookChangedError,
  NotebookNameConflictError,
  UnknownNotebookError,
  WorkshopError,
} from './errors.js';
