/**
 * The page's WebSocket to the server, reconnecting with back-off (0.5 s doubling to 8 s) when the
 * server restarts or the laptop sleeps. The handshake carries the access token as its second
 * subprotocol (`protocol.ts`): the page cookie alone opens no socket.
 */
import { SOCKET_PATH, SOCKET_PROTOCOL, TOKEN_PROTOCOL_PREFIX, type ClientMessage, type ServerMessage } from '../src/protocol.js';

/** What the page does with the connection's events. */
export interface ConnectionHandlers<In = ServerMessage> {
  onMessage(message: In): void;
  onOpenChange(open: boolean): void;
  /** A sentence for the learner: no token, a refused handshake, a message too large. */
  onProblem(message: string): void;
}

const NO_TOKEN = 'This page has no access token: open the URL that `npm start` printed (it ends in ?token=…)';

const RESTARTED = 'Cannot connect to the workshop. If it was restarted, open the URL it printed again (it ends in ?token=…)';

/** Where a connection goes: a path of this page's server, the subprotocol it speaks, and what to say without a token. */
export interface Endpoint {
  readonly path: string;
  readonly protocol: string;
  readonly noToken?: string;
}

/**
 * A live, self-healing connection: to one notebook's session (given its name), or to another
 * endpoint of this page's server (a follower's, with `--present`).
 */
export class Connection<In = ServerMessage, Out = ClientMessage> {
  readonly #url: string;
  readonly #protocols: string[];
  readonly #handlers: ConnectionHandlers<In>;
  #socket: WebSocket | undefined;
  #delay = 500;

  constructor(to: string | Endpoint, token: string | undefined, handlers: ConnectionHandlers<In>) {
    const endpoint = typeof to === 'string' ? { path: `${SOCKET_PATH}?notebook=${encodeURIComponent(to)}`, protocol: SOCKET_PROTOCOL } : to;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    this.#url = `${scheme}://${location.host}${endpoint.path}`;
    this.#protocols = token && /^[A-Za-z0-9_-]+$/.test(token) ? [endpoint.protocol, `${TOKEN_PROTOCOL_PREFIX}${token}`] : [];
    this.#handlers = handlers;
    if (this.#protocols.length === 0) {
      handlers.onOpenChange(false);
      handlers.onProblem(endpoint.noToken ?? NO_TOKEN);
      return;
    }
    this.#open();
  }

  /** Whether messages can be sent now. */
  get open(): boolean {
    return this.#socket?.readyState === WebSocket.OPEN;
  }

  /** Sends `message`; returns `false` (nothing sent) while disconnected. */
  send(message: Out): boolean {
    if (!this.open) return false;
    this.#socket?.send(JSON.stringify(message));
    return true;
  }

  #open(): void {
    const socket = new WebSocket(this.#url, this.#protocols);
    this.#socket = socket;
    let opened = false;
    socket.addEventListener('open', () => {
      opened = true;
      this.#delay = 500;
      this.#handlers.onOpenChange(true);
    });
    socket.addEventListener('message', (event) => {
      if (typeof event.data === 'string') this.#handlers.onMessage(JSON.parse(event.data) as In);
    });
    socket.addEventListener('close', (event) => {
      this.#handlers.onOpenChange(false);
      if (event.code === 1009) this.#handlers.onProblem('The workshop refused a message that was too large (the cell or the save); nothing of it ran');
      else if (!opened && this.#delay >= 4000) this.#handlers.onProblem(RESTARTED);
      setTimeout(() => this.#open(), this.#delay);
      this.#delay = Math.min(this.#delay * 2, 8000);
    });
  }
}
