/**
 * The follower listener of presenter mode: a second HTTP + WebSocket server, which may listen on
 * the room's network, for the learners following the instructor. It is read-only by
 * construction: it holds the catalog (to render notebook pages), the renderer and the
 * {@link Presenter} (to receive updates), never the session registry, a kernel or a writer.
 *
 * Routes (GET and HEAD only):
 *   `/`, `/index.html`   the notebook list; the page moves on to the instructor's notebook
 *   `/nb/<name>`         a notebook, rendered exactly as the workshop renders it, with the follower script
 *   `/assets/<file>`     site.css, workshop.css, follow.css, follow.js
 *   `/follow`            the WebSocket (see `protocol.ts` here): server to page only
 * The checks are the workshop's own (`guard.ts`), with the follower token: `Host` must name
 * this listener (its address, the present host, or any of this machine's addresses when it
 * listens on all of them), `Origin` must be its own, pages take the token or the page cookie,
 * the socket only the token, as its second subprotocol. The follower token is a different
 * random value from the instructor's, so neither opens the other's listener.
 */
import { createServer, type IncomingMessage } from 'node:http';
import { networkInterfaces } from 'node:os';
import type { Duplex } from 'node:stream';
import type { Renderer } from '@scalable-ts/render';
import { WebSocket, WebSocketServer } from 'ws';
import { ASSETS, ASSET_PREFIX, local, type Asset, type PageAssets } from '../assets.js';
import type { Catalog } from '../catalog.js';
import { AccessGuard, createAccessToken, LOOPBACK_NAMES, TOKEN_PARAM } from '../guard.js';
import { Pages } from '../pages.js';
import { bracket, listen, refuseUpgrade, servePages, WILDCARDS } from '../respond.js';
import type { FollowerSocket, Presenter } from './presenter.js';
import { FOLLOW_PROTOCOL, FOLLOW_SOCKET_PATH, HEARTBEAT, POLICY_VIOLATION } from './protocol.js';

/** Options of {@link startFollowerListener}. */
export interface FollowerListenerOptions {
  /** Only adding and removing followers: the listener can reach nothing else of the presenter (no `position`, no session). */
  readonly presenter: Pick<Presenter, 'addFollower' | 'removeFollower'>;
  readonly catalog: Catalog;
  readonly renderer: Renderer;
  readonly siteTitle: string;
  /** Address to listen on: `0.0.0.0` for every interface, or one of this machine's addresses. */
  readonly host: string;
  readonly port: number;
  /** The follower token (default: 256 fresh random bits). */
  readonly token?: string;
}

/** A running follower listener. */
export interface FollowerListener {
  /** The URLs followers open, token included: one per address of this machine when it listens on all of them. */
  readonly urls: readonly string[];
  readonly port: number;
  /** The follower token: it opens this listener's pages and socket, and nothing of the workshop's. */
  readonly token: string;
  /** The cookie (`name=value`) a follower's browser is given. */
  readonly pageCookie: string;
  /** How many follower sockets were closed for sending something other than a heartbeat (or a broken frame). */
  readonly refusedMessages: number;
  close(): Promise<void>;
}

/** The assets of a follower's pages. */
export const FOLLOWER_PAGE_ASSETS: PageAssets = {
  siteStylesheet: `${ASSET_PREFIX}site.css`,
  stylesheets: [`${ASSET_PREFIX}workshop.css`, `${ASSET_PREFIX}follow.css`],
  scripts: [`${ASSET_PREFIX}follow.js`],
};

const css = 'text/css; charset=utf-8';
const FOLLOWER_ASSETS: ReadonlyMap<string, Asset> = new Map([
  ['site.css', ASSETS.get('site.css') as Asset],
  ['workshop.css', ASSETS.get('workshop.css') as Asset],
  ['follow.css', { file: local('../assets/follow.css'), contentType: css }],
  ['follow.js', { file: local('../dist/client/follow.js'), contentType: 'text/javascript; charset=utf-8' }],
  ['follow.js.map', { file: local('../dist/client/follow.js.map'), contentType: 'application/json; charset=utf-8' }],
]);

const REFUSALS = {
  401: 'This is the presenter’s page for followers: open the address the instructor shows (it ends in ?token=…).',
  403: 'Refused: this page answers only at the address the instructor gave.',
} as const;

/**
 * A follower sends nothing but heartbeats: a frame larger than this is not even read (the socket
 * closes with 1009); a smaller one other than a heartbeat closes it with 1008.
 */
const MAX_FOLLOWER_FRAME = 4096;

/** This machine's addresses, as a URL names them (IPv6 in brackets); `external`: only those other machines can reach. */
function machineAddresses(external: boolean): string[] {
  return Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .filter((entry) => !external || (!entry.internal && entry.family === 'IPv4'))
    .map((entry) => bracket(entry.address.toLowerCase()));
}

/**
 * Starts the follower listener.
 *
 * @throws the listen error (`EADDRINUSE`, `EADDRNOTAVAIL` for an address this machine does not have, …).
 */
export async function startFollowerListener(options: FollowerListenerOptions): Promise<FollowerListener> {
  const host = options.host.toLowerCase();
  const wildcard = WILDCARDS.has(host);
  const server = createServer();
  const port = await listen(server, options.port, options.host);
  const token = options.token ?? createAccessToken();
  const extraHostNames = wildcard ? machineAddresses(false) : LOOPBACK_NAMES.includes(bracket(host)) ? [] : [bracket(host)];
  const guard = new AccessGuard({ token, port, extraHostNames });
  const pages = new Pages(options.renderer, options.catalog, options.siteTitle, FOLLOWER_PAGE_ASSETS);
  servePages(server, { guard, pages, assets: FOLLOWER_ASSETS, refusals: REFUSALS });

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FOLLOWER_FRAME,
    handleProtocols: (protocols) => (protocols.has(FOLLOW_PROTOCOL) ? FOLLOW_PROTOCOL : false),
  });
  let refusedMessages = 0;
  const connect = (ws: WebSocket): void => {
    const follower: FollowerSocket = {
      get bufferedAmount() {
        return ws.bufferedAmount;
      },
      send: (text) => {
        if (ws.readyState === WebSocket.OPEN) ws.send(text);
      },
      terminate: () => ws.terminate(),
    };
    // Nothing a follower sends is acted on: a heartbeat is dropped, anything else closes the socket.
    ws.on('message', (data, isBinary) => {
      if (!isBinary && data.toString() === HEARTBEAT) return;
      refusedMessages++;
      options.presenter.removeFollower(follower);
      ws.close(POLICY_VIOLATION, 'followers only listen');
    });
    ws.on('error', () => {
      // A frame over the limit or not valid WebSocket (ws has closed it), or a broken connection.
      refusedMessages++;
      ws.terminate();
    });
    ws.on('close', () => options.presenter.removeFollower(follower));
    options.presenter.addFollower(follower);
  };
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const verdict = guard.check(request, { websocket: true });
    if (!verdict.ok) return refuseUpgrade(socket, verdict.status, verdict.reason);
    const { pathname } = new URL(request.url ?? '/', 'http://x');
    if (pathname !== FOLLOW_SOCKET_PATH) return refuseUpgrade(socket, 404, `No WebSocket endpoint at ${pathname}`);
    wss.handleUpgrade(request, socket, head, connect);
  });

  const addresses = wildcard ? machineAddresses(true) : [bracket(host)];
  const urls = (addresses.length > 0 ? addresses : ['127.0.0.1']).map((address) => `http://${address}:${port}/?${TOKEN_PARAM}=${token}`);
  let closing: Promise<void> | undefined;
  return {
    urls,
    port,
    token,
    pageCookie: guard.cookie().split(';')[0] ?? '',
    get refusedMessages() {
      return refusedMessages;
    },
    close: () =>
      (closing ??= (async () => {
        for (const ws of wss.clients) ws.terminate();
        wss.close();
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await stopped;
      })()),
  };
}
