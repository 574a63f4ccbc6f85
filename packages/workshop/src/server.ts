/**
 * The workshop server: `node:http` for pages and assets, `ws` for the live channel, both behind
 * the access checks of `guard.ts`.
 *
 * Routes (GET and HEAD only; everything that acts goes over the WebSocket):
 *   `/`, `/index.html`   the notebook list
 *   `/nb/<name>`         a notebook's live view
 *   `/assets/<file>`     site.css, workshop.css, workshop.js
 *   `/ws?notebook=<name>` the WebSocket (see `protocol.ts`)
 *   `/catch-up?…`        the one page served without a credential (`present/catch-up.ts`)
 * With `present`, a second listener serves followers read-only (`present/listener.ts`).
 * Every response carries `nosniff`, `no-referrer` (the token never leaks through `Referer`),
 * a strict Content-Security-Policy (`script-src 'self'`, `frame-ancestors 'none'`, …) and
 * `no-store`, and never a CORS header.
 */
import { createServer, type IncomingMessage } from 'node:http';
import { relative, isAbsolute } from 'node:path';
import { Kernel } from '@scalable-ts/kernel';
import { createRenderer } from '@scalable-ts/render';
import { ASSETS, PAGE_ASSETS } from './assets.js';
import { Catalog } from './catalog.js';
import { AccessGuard, LOOPBACK_NAMES, TOKEN_PARAM, createAccessToken } from './guard.js';
import type { StartKernel } from './kernel-slot.js';
import { resolveLimits, type WorkshopLimits } from './limits.js';
import { Pages } from './pages.js';
import { SessionRegistry } from './sessions.js';
import { SocketEndpoint } from './socket.js';
import { bracket, listen, servePages, WILDCARDS } from './respond.js';
import { catchUpPage } from './present/catch-up.js';
import { startPresenting, type Presenting, type PresentOptions } from './present/start.js';
import { CATCH_UP_PATH } from './present/protocol.js';

/** Options of {@link startWorkshop}. */
export interface WorkshopOptions {
  /** The notebooks (`.ipynb` paths), in the order the list shows them. */
  readonly notebooks: readonly string[];
  /** Address to listen on (default `127.0.0.1`). Any other address is also accepted as `Host`. */
  readonly host?: string;
  /** Port (default `0`: a free one). */
  readonly port?: number;
  /** Access token (default: 256 random bits). */
  readonly token?: string;
  /** Name in page headers and titles (default `"scalable-ts workshop"`). */
  readonly siteTitle?: string;
  /** Stop a notebook's kernel after this long without a run (default 30 minutes). */
  readonly idleTimeoutMs?: number;
  /** Shut a notebook's kernel down this long after its last tab closed (default 10 s: a reload keeps it). */
  readonly lingerMs?: number;
  /** How long a kernel may take to exit when asked before it is killed (default 1 s). */
  readonly shutdownGraceMs?: number;
  /** How long a kernel may take to start (default 60 s: generous, for a loaded laptop). */
  readonly kernelStartTimeoutMs?: number;
  /** Environment of the kernels (default: this process's). */
  readonly kernelEnv?: NodeJS.ProcessEnv;
  /** Notebook paths are shown relative to this folder (default: the working directory). */
  readonly cwd?: string;
  /** Bounds on what a page can make the server hold (default `DEFAULT_LIMITS`, see `limits.ts`). */
  readonly limits?: Partial<WorkshopLimits>;
  /** Presenter mode: a second, read-only listener for followers (see `src/present/`). Off by default. */
  readonly present?: PresentOptions;
}

/** A running workshop server. */
export interface Workshop {
  /** The address to open, token included: `http://127.0.0.1:8765/?token=…`. */
  readonly url: string;
  /** The server's origin: `http://127.0.0.1:8765`. */
  readonly origin: string;
  readonly port: number;
  /** The access token: in `url`, and the credential of every WebSocket handshake. */
  readonly token: string;
  /** The cookie (`name=value`) a browser is given for `url`: it opens pages and assets, never a socket. */
  readonly pageCookie: string;
  /** How many kernels this server has started so far. */
  readonly kernelsStarted: number;
  /** The notebooks whose kernel runs now, with the kernel's process id. */
  kernels(): { notebook: string; pid: number }[];
  /** With `present`: the follower listener, and the presenter's counts. */
  readonly present?: Presenting;
  /** Closes every socket and shuts every kernel down; resolves when they have exited. */
  close(): Promise<void>;
}

const DEFAULTS = { host: '127.0.0.1', port: 0, siteTitle: 'scalable-ts workshop', idleTimeoutMs: 30 * 60_000, lingerMs: 10_000, shutdownGraceMs: 1000, kernelStartTimeoutMs: 60_000 };

const REFUSALS: Readonly<Record<401 | 403, string>> = {
  401: 'This workshop needs its access token. Open the URL that `npm start` printed (it ends in ?token=…).',
  403: 'Refused: this workshop only answers pages it served itself, on a loopback address.',
};

/**
 * Starts the workshop server.
 *
 * @example
 * ```ts
 * import { startWorkshop } from '@scalable-ts/workshop';
 *
 * const workshop = await startWorkshop({ notebooks: ['notebooks/00-welcome.ipynb'], port: 8765 });
 * console.log(`Open ${workshop.url}`);
 * process.once('SIGINT', () => void workshop.close());
 * ```
 * @throws `NotebookNameConflictError` when two notebooks share a base name; the listen error
 *   (`EADDRINUSE`, …) when the port cannot be had.
 */
export async function startWorkshop(options: WorkshopOptions): Promise<Workshop> {
  if (typeof options !== 'object' || options === null) throw new TypeError('startWorkshop: options must be an object');
  const settings = { ...DEFAULTS, ...options };
  const limits = resolveLimits(options.limits);
  const catalog = new Catalog(options.notebooks);
  const cwd = options.cwd ?? process.cwd();
  const renderer = await createRenderer({ siteTitle: settings.siteTitle, stylesheetHref: PAGE_ASSETS.siteStylesheet });
  const pages = new Pages(renderer, catalog, settings.siteTitle);

  let kernelsStarted = 0;
  const startKernel: StartKernel = (startOptions) => {
    kernelsStarted++;
    return Kernel.start({ ...startOptions, startTimeoutMs: settings.kernelStartTimeoutMs });
  };
  const registry = new SessionRegistry(catalog, {
    renderer,
    startKernel,
    idleTimeoutMs: settings.idleTimeoutMs,
    lingerMs: settings.lingerMs,
    shutdownGraceMs: settings.shutdownGraceMs,
    limits,
    ...(options.kernelEnv ? { kernelEnv: options.kernelEnv } : {}),
    displayPath: (path) => {
      const rel = relative(cwd, path);
      return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
    },
  });

  const server = createServer();
  const port = await listen(server, settings.port, settings.host).catch((error: unknown) => {
    renderer.dispose();
    throw error;
  });
  const token = options.token ?? createAccessToken();
  const host = settings.host.toLowerCase();
  const extraHostNames = LOOPBACK_NAMES.includes(bracket(host)) || WILDCARDS.has(host) ? [] : [bracket(host)];
  const guard = new AccessGuard({ token, port, extraHostNames });
  const presenting = options.present
    ? await startPresenting(options.present, { catalog, renderer, registry, siteTitle: settings.siteTitle }).catch(async (error: unknown) => {
        await new Promise((resolve) => server.close(resolve));
        renderer.dispose();
        throw error;
      })
    : undefined;
  const sockets = new SocketEndpoint(guard, catalog, registry, limits, presenting?.presenter);

  servePages(server, { guard, pages, assets: ASSETS, refusals: REFUSALS, open: (pathname) => (pathname === CATCH_UP_PATH ? catchUpPage() : undefined) });
  server.on('upgrade', (request: IncomingMessage, socket, head: Buffer) => sockets.upgrade(request, socket, head));

  const origin = `http://${WILDCARDS.has(host) ? '127.0.0.1' : bracket(host)}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/?${TOKEN_PARAM}=${token}`,
    origin,
    port,
    token,
    pageCookie: guard.cookie().split(';')[0] ?? '',
    ...(presenting ? { present: presenting.view } : {}),
    get kernelsStarted() {
      return kernelsStarted;
    },
    kernels: () =>
      registry.sessions.flatMap((session) => (session.kernelPid === undefined ? [] : [{ notebook: session.name, pid: session.kernelPid }])),
    close: () =>
      (closing ??= (async () => {
        sockets.close();
        await presenting?.close();
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await registry.closeAll();
        await stopped;
        renderer.dispose();
      })()),
  };
}
