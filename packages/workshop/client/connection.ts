/**
 * The page's WebSocket to the server, reconnecting with back-off (0.5 s doubling to 8 s) when the
 * server restarts or the laptop sleeps. The cookie set with the page authenticates it.
 */
import { SOCKET_PATH, type ClientMessage, type ServerMessage } from '../src/protocol.js';

/** What the page does with the connection's events. */
export interface ConnectionHandlers {
  onMessage(message: ServerMessage): void;
  onOpenChange(open: boolean): void;
}

/** A live, self-healing connection for one notebook. */
export class Connection {
  readonly #url: string;
  readonly #handlers: ConnectionHandlers;
  #socket: WebSocket | undefined;
  #delay = 500;

  constructor(notebook: string, handlers: ConnectionHandlers) {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    this.#url = `${scheme}://${location.host}${SOCKET_PATH}?notebook=${encodeURIComponent(notebook)}`;
    this.#handlers = handlers;
    this.#open();
  }

  /** Whether messages can be sent now. */
  get open(): boolean {
    return this.#socket?.readyState === WebSocket.OPEN;
  }

  /** Sends `message`; returns `false` (nothing sent) while disconnected. */
  send(message: ClientMessage): boolean {
    if (!this.open) return false;
    this.#socket?.send(JSON.stringify(message));
    return true;
  }

  #open(): void {
    const socket = new WebSocket(this.#url);
    this.#socket = socket;
    socket.addEventListener('open', () => {
      this.#delay = 500;
      this.#handlers.onOpenChange(true);
    });
    socket.addEventListener('message', (event) => {
      if (typeof event.data === 'string') this.#handlers.onMessage(JSON.parse(event.data) as ServerMessage);
    });
    socket.addEventListener('close', () => {
      this.#handlers.onOpenChange(false);
      setTimeout(() => this.#open(), this.#delay);
      this.#delay = Math.min(this.#delay * 2, 8000);
    });
  }
}
