/**
 * What both listeners (the workshop's and, with `--present`, the followers') answer with: the
 * headers on every response, a plain answer, a refused WebSocket handshake, and how a listen
 * address is written in a URL.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { livePageCsp } from '@scalable-ts/render';
import { ASSET_PREFIX, type Asset } from './assets.js';
import { UnknownNotebookError } from './errors.js';
import type { AccessGuard } from './guard.js';
import type { Pages } from './pages.js';
import { NOTEBOOK_PATH } from './protocol.js';

/** Listen addresses that mean "every interface". */
export const WILDCARDS: ReadonlySet<string> = new Set(['0.0.0.0', '::', '[::]']);

/** An address as a URL's host: IPv6 in brackets. */
export const bracket = (host: string): string => (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);

/** Headers on every answer of either listener. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  // The live page's policy (`@scalable-ts/render`'s `livePageCsp`): only the workshop's own
  // script runs, no inline script or handler, no plugin, base, form or frame. An answer to a
  // request that passed the checks also lets the page open its WebSocket (see the routes).
  'Content-Security-Policy': livePageCsp(),
  'Cache-Control': 'no-store',
};

/** Answers with `body` (nothing for HEAD). */
export function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer, head: boolean): void {
  response.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
  response.end(head ? undefined : body);
}

const REASONS: Readonly<Record<number, string>> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };

/** Answers a handshake with an HTTP error and closes the connection. */
export function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  const body = `${reason}\n`;
  socket.end(
    `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  socket.destroy();
}

/** What a listener serves over HTTP. */
export interface SiteRoutes {
  readonly guard: AccessGuard;
  readonly pages: Pages;
  /** The files under `/assets/`, by name. */
  readonly assets: ReadonlyMap<string, Asset>;
  /** The text of a 401 and of a 403 answer. */
  readonly refusals: Readonly<Record<401 | 403, string>>;
  /**
   * Pages served without a credential (but after the `Host` and `Origin` checks): the HTML for
   * a path, or `undefined`. They must hold nothing a credential protects.
   */
  readonly open?: (pathname: string) => string | undefined;
}

const TEXT = 'text/plain; charset=utf-8';
const HTML = 'text/html; charset=utf-8';

/**
 * Answers `server`'s requests: GET and HEAD only, behind `routes.guard`: `/` (the list),
 * `/nb/<name>`, `/assets/<file>`, and the open pages. Every answer carries {@link SECURITY_HEADERS}.
 */
export function servePages(server: Server, routes: SiteRoutes): void {
  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    const { pathname } = new URL(request.url ?? '/', 'http://x');
    const verdict = routes.guard.check(request, { websocket: false });
    const open = verdict.ok || verdict.status === 401 ? routes.open?.(pathname) : undefined;
    if (!verdict.ok && open === undefined) return send(response, verdict.status, TEXT, `${routes.refusals[verdict.status]}\n(${verdict.reason})\n`, false);
    if (verdict.ok && verdict.tokenInUrl) response.setHeader('Set-Cookie', routes.guard.cookie());
    // The Host passed the guard: the page may open its WebSocket to it (Safari's 'self' does not cover ws:).
    response.setHeader('Content-Security-Policy', livePageCsp([`ws://${request.headers.host ?? ''}`]));
    const head = request.method === 'HEAD';
    if (request.method !== 'GET' && !head) {
      response.setHeader('Allow', 'GET, HEAD');
      return send(response, 405, TEXT, 'Method not allowed\n', false);
    }
    if (open !== undefined) return send(response, 200, HTML, open, head);
    if (pathname === '/' || pathname === '/index.html') return send(response, 200, HTML, await routes.pages.list(), head);
    if (pathname.startsWith(NOTEBOOK_PATH)) {
      try {
        return send(response, 200, HTML, await routes.pages.notebook(decodeURIComponent(pathname.slice(NOTEBOOK_PATH.length))), head);
      } catch (error) {
        if (!(error instanceof UnknownNotebookError || error instanceof URIError)) throw error;
        return send(response, 404, TEXT, `No such notebook: ${pathname}\n`, head);
      }
    }
    if (pathname === '/favicon.ico') return send(response, 204, 'text/plain', '', head);
    const asset = pathname.startsWith(ASSET_PREFIX) ? routes.assets.get(pathname.slice(ASSET_PREFIX.length)) : undefined;
    if (asset) return send(response, 200, asset.contentType, await readFile(asset.file), head);
    return send(response, 404, TEXT, `Not found: ${pathname}\n`, head);
  };
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    route(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, TEXT, `${(error as Error).message}\n`, false);
      else response.destroy();
    });
  });
}

/** Starts `server` listening; resolves with its port, rejects with the listen error (`EADDRINUSE`, …). */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
