/**
 * `@scalable-ts/workshop`: the live workshop. A local HTTP + WebSocket server that shows the
 * notebooks as the static site renders them and runs their cells, one tslab kernel per open
 * notebook, behind a token, loopback-only `Host` and same-origin checks.
 *
 * The public surface is what other code uses: {@link startWorkshop} with its options and limits,
 * the messages the page and the server exchange (`ClientMessage`, `ServerMessage`), and the
 * errors `startWorkshop` can throw. The access checks, the catalog and the sessions are internal.
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
export { DEFAULT_LIMITS } from './limits.js';
export type { WorkshopLimits } from './limits.js';
export type { ClientMessage, ServerMessage } from './protocol.js';
export {
  ClientMessageError,
  NotebookChangedError,
  NotebookNameConflictError,
  UnknownNotebookError,
  WorkshopError,
} from './errors.js';
