/**
 * The WebSocket endpoint: `GET /ws?notebook=<name>` upgraded with the `ws` package, after the
 * access checks of `guard.ts` (the token must come as the second subprotocol; the server selects
 * {@link SOCKET_PROTOCOL}, never echoing the token). A refused handshake gets a plain HTTP refusal
 * and the socket is destroyed before any session or kernel exists. An accepted one becomes a
 * {@link Peer} of the notebook's session; its frames are parsed by `decode.ts` and handed to the
 * session in order. Frames over `limits.frameBytes` close the socket with 1009; a page whose
 * unread backlog passes `limits.sendBufferBytes` is disconnected (see `limits.ts`).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { firstLine } from '@scalable-ts/notebook';
import { WebSocket, WebSocketServer } from 'ws';
import type { Catalog } from './catalog.js';
import { parseClientMessage } from './decode.js';
import type { AccessGuard } from './guard.js';
import type { WorkshopLimits } from './limits.js';
import { refuseUpgrade } from './respond.js';
import { SOCKET_PATH, SOCKET_PROTOCOL, type ServerMessage } from './protocol.js';
import type { WorkshopSession, Peer } from './session.js';
import type { SessionRegistry } from './sessions.js';
import type { Presenter } from './present/presenter.js';

/** Accepts the workshop's WebSocket handshakes. */
export class SocketEndpoint {
  readonly #wss: WebSocketServer;
  readonly #guard: AccessGuard;
  readonly #catalog: Catalog;
  readonly #registry: SessionRegistry;
  readonly #limits: WorkshopLimits;
  readonly #presenter: Presenter | undefined;

  /** `presenter` (with `--present`) is told of each page and its `position`; without it `position` is ignored. */
  constructor(guard: AccessGuard, catalog: Catalog, registry: SessionRegistry, limits: WorkshopLimits, presenter?: Presenter) {
    this.#presenter = presenter;
    this.#guard = guard;
    this.#catalog = catalog;
    this.#registry = registry;
    this.#limits = limits;
    this.#wss = new WebSocketServer({
      noServer: true,
      maxPayload: limits.frameBytes,
      handleProtocols: (protocols) => (protocols.has(SOCKET_PROTOCOL) ? SOCKET_PROTOCOL : false),
    });
  }

  /** Handles the `upgrade` event of the HTTP server. */
  upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const verdict = this.#guard.check(request, { websocket: true });
    if (!verdict.ok) return refuseUpgrade(socket, verdict.status, verdict.reason);
    const url = new URL(request.url ?? '/', 'http://x');
    if (url.pathname !== SOCKET_PATH) return refuseUpgrade(socket, 404, `No WebSocket endpoint at ${url.pathname}`);
    const name = url.searchParams.get('notebook') ?? '';
    if (!this.#catalog.find(name)) return refuseUpgrade(socket, 404, `No notebook named ${JSON.stringify(name)}`);
    this.#wss.handleUpgrade(request, socket, head, (ws) => this.#connect(ws, name));
  }

  /** Closes every open socket. */
  close(): void {
    for (const ws of this.#wss.clients) ws.terminate();
    this.#wss.close();
  }

  #connect(ws: WebSocket, name: string): void {
    const peer: Peer = {
      send: (message: ServerMessage) => {
        if (ws.readyState !== WebSocket.OPEN) return;
        if (ws.bufferedAmount > this.#limits.sendBufferBytes) return ws.terminate(); // the page stopped reading
        ws.send(JSON.stringify(message));
      },
    };
    const joined: Promise<WorkshopSession | undefined> = this.#registry.join(name, peer).catch((error: unknown) => {
      peer.send({ type: 'problem', message: `Cannot open ${name}: ${firstLine(error)}` });
      ws.close(1011, 'cannot open the notebook');
      return undefined;
    });
    void joined.then((session) => session && this.#presenter?.instructorJoined(peer, name));
    // Each frame is handed over in arrival order (callbacks on one promise run in order); none
    // waits for the one before, so an interrupt reaches the kernel while a cell still runs.
    ws.on('message', (data, isBinary) => {
      void joined.then((session) => {
        if (!session) return;
        try {
          const message = parseClientMessage(isBinary ? '' : data.toString(), this.#limits);
          if (message.type === 'position') return this.#presenter?.position(name, message.index);
          void session.handle(message, peer);
        } catch (error) {
          peer.send({ type: 'problem', message: (error as Error).message });
        }
      });
    });
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      void joined.then((session) => {
        session?.leave(peer);
        this.#presenter?.instructorLeft(peer);
      });
    });
  }
}
