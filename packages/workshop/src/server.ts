/**
 * The workshop server: `node:http` for pages and assets, `ws` for the live channel, both behind
 * the access checks of `guard.ts`.
 *
 * Routes (GET and HEAD only; everything that acts goes over the WebSocket):
 *   `/`, `/index.html`   the notebook list
 *   `/nb/<name>`         a notebook's live view
 *   `/assets/<file>`     site.css, workshop.css, workshop.js
 *   `/ws?notebook=<name>` the WebSocket (see `protocol.ts`)
 * Every response carries `nosniff`, `no-referrer` (the token never leaks through `Referer`),
 * a strict Content-Security-Policy (`script-src 'self'`, `frame-ancestors 'none'`, …) and
 * `no-store`, and never a CORS header.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { relative, isAbsolute } from 'node:path';
import { Kernel } from '@scalable-ts/kernel';
import { createRenderer, livePageCsp } from '@scalable-ts/render';
import { ASSET_PREFIX, ASSETS, PAGE_ASSETS } from './assets.js';
import { Catalog } from './catalog.js';
import { UnknownNotebookError } from './errors.js';
import { AccessGuard, LOOPBACK_NAMES, TOKEN_PARAM, createAccessToken } from './guard.js';
import type { StartKernel } from './kernel-slot.js';
import { resolveLimits, type WorkshopLimits } from './limits.js';
import { Pages } from './pages.js';
import { NOTEBOOK_PATH } from './protocol.js';
import { SessionRegistry } from './sessions.js';
import { SocketEndpoint } from './socket.js';

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
  /** Closes every socket and shuts every kernel down; resolves when they have exited. */
  close(): Promise<void>;
}

const DEFAULTS = { host: '127.0.0.1', port: 0, siteTitle: 'scalable-ts workshop', idleTimeoutMs: 30 * 60_000, lingerMs: 10_000, shutdownGraceMs: 1000, kernelStartTimeoutMs: 60_000 };

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

const bracket = (host: string): string => (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  // The live page's policy (`@scalable-ts/render`'s `livePageCsp`): only the workshop's own
  // script runs, no inline script or handler, no plugin, base, form or frame. An answer to a
  // request that passed the checks also lets the page open its WebSocket (see `route`).
  'Content-Security-Policy': livePageCsp(),
  'Cache-Control': 'no-store',
};

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer, head: boolean): void {
  response.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
  response.end(head ? undefined : body);
}

const REFUSALS: Readonly<Record<number, string>> = {
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
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((error: unknown) => {
    renderer.dispose();
    throw error;
  });
  const port = (server.address() as AddressInfo).port;
  const token = options.token ?? createAccessToken();
  const host = settings.host.toLowerCase();
  const extraHostNames = LOOPBACK_NAMES.includes(bracket(host)) || WILDCARDS.has(host) ? [] : [bracket(host)];
  const guard = new AccessGuard({ token, port, extraHostNames });
  const sockets = new SocketEndpoint(guard, catalog, registry, limits);

  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    const verdict = guard.check(request, { websocket: false });
    if (!verdict.ok) return send(response, verdict.status, 'text/plain; charset=utf-8', `${REFUSALS[verdict.status]}\n(${verdict.reason})\n`, false);
    if (verdict.tokenInUrl) response.setHeader('Set-Cookie', guard.cookie());
    // The Host passed the guard: the page may open its WebSocket to it (Safari's 'self' does not cover ws:).
    response.setHeader('Content-Security-Policy', livePageCsp([`ws://${request.headers.host ?? ''}`]));
    const head = request.method === 'HEAD';
    if (request.method !== 'GET' && !head) {
      response.setHeader('Allow', 'GET, HEAD');
      return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed\n', false);
    }
    const { pathname } = new URL(request.url ?? '/', 'http://x');
    const html = 'text/html; charset=utf-8';
    if (pathname === '/' || pathname === '/index.html') return send(response, 200, html, await pages.list(), head);
    if (pathname.startsWith(NOTEBOOK_PATH)) {
      try {
        return send(response, 200, html, await pages.notebook(decodeURIComponent(pathname.slice(NOTEBOOK_PATH.length))), head);
      } catch (error) {
        if (!(error instanceof UnknownNotebookError || error instanceof URIError)) throw error;
        return send(response, 404, 'text/plain; charset=utf-8', `No such notebook: ${pathname}\n`, head);
      }
    }
    if (pathname === '/favicon.ico') return send(response, 204, 'text/plain', '', head);
    const asset = pathname.startsWith(ASSET_PREFIX) ? ASSETS.get(pathname.slice(ASSET_PREFIX.length)) : undefined;
    if (asset) return send(response, 200, asset.contentType, await readFile(asset.file), head);
    return send(response, 404, 'text/plain; charset=utf-8', `Not found: ${pathname}\n`, head);
  };

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    route(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', `${(error as Error).message}\n`, false);
      else response.destroy();
    });
  });
  server.on('upgrade', (request: IncomingMessage, socket, head: Buffer) => sockets.upgrade(request, socket, head));

  const origin = `http://${WILDCARDS.has(host) ? '127.0.0.1' : bracket(host)}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/?${TOKEN_PARAM}=${token}`,
    origin,
    port,
    token,
    pageCookie: guard.cookie().split(';')[0] ?? '',
    get kernelsStarted() {
      return kernelsStarted;
    },
    kernels: () =>
      registry.sessions.flatMap((session) => (session.kernelPid === undefined ? [] : [{ notebook: session.name, pid: session.kernelPid }])),
    close: () =>
      (closing ??= (async () => {
        sockets.close();
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await registry.closeAll();
        await stopped;
        renderer.dispose();
      })()),
  };
}
