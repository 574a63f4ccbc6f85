/** A WebSocket client for tests: sends protocol messages and waits for the ones it expects. */
import WebSocket from 'ws';
import type { FollowerMessage } from '../present/protocol.js';
import { FOLLOW_PROTOCOL, FOLLOW_SOCKET_PATH } from '../present/protocol.js';
import type { ClientMessage, ServerMessage } from '../protocol.js';
import { TOKEN_PROTOCOL_PREFIX } from '../protocol.js';
import type { Workshop } from '../server.js';
import { pageHeaders, socketProtocols } from './http.js';

/** A page's socket (a workshop page's, or with `M = FollowerMessage` a follower's), as a test drives it. */
export class TestClient<M extends { readonly type: string } = ServerMessage> {
  readonly messages: M[] = [];
  /** The socket itself, for tests that stop reading from it. */
  readonly socket: WebSocket;
  readonly #socket: WebSocket;
  readonly #waiters = new Set<() => void>();
  /** Resolves with the close code once the socket closed. */
  readonly closed: Promise<number>;

  private constructor(socket: WebSocket) {
    this.#socket = socket;
    this.socket = socket;
    socket.on('message', (data) => {
      this.messages.push(JSON.parse(data.toString()) as M);
      for (const wake of this.#waiters) wake();
    });
    this.closed = new Promise((resolve) => socket.once('close', (code) => resolve(code)));
  }

  /** Connects to notebook `name` as a same-origin page would: its cookie, and the token as a subprotocol. */
  static connect(workshop: Workshop, name: string): Promise<TestClient> {
    const { host, origin, cookie } = pageHeaders(workshop);
    const url = `ws://127.0.0.1:${workshop.port}/ws?notebook=${encodeURIComponent(name)}`;
    return TestClient.#open(new WebSocket(url, socketProtocols(workshop), { headers: { host, cookie }, origin }));
  }

  /** Connects to a follower listener on `port` as its page would: the follower token as a subprotocol. */
  static follow(port: number, token: string): Promise<TestClient<FollowerMessage>> {
    const url = `ws://127.0.0.1:${port}${FOLLOW_SOCKET_PATH}`;
    return TestClient.#open(new WebSocket(url, [FOLLOW_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${token}`], { origin: `http://127.0.0.1:${port}` }));
  }

  static #open<T extends { readonly type: string }>(socket: WebSocket): Promise<TestClient<T>> {
    const client = new TestClient<T>(socket);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(client));
      socket.once('error', reject);
    });
  }

  send(message: ClientMessage | Record<string, unknown>): void {
    this.#socket.send(JSON.stringify(message));
  }

  /** Sends a raw frame (text, or bytes as a binary frame). */
  sendRaw(data: string | Buffer): void {
    this.#socket.send(data);
  }

  /** Where the next message will land; pass it to {@link waitFor} to skip older ones. */
  mark(): number {
    return this.messages.length;
  }

  /** The first message from position `from` on that satisfies `predicate`. */
  waitFor<T extends M>(predicate: (message: M) => message is T, from?: number, ms?: number): Promise<T>;
  waitFor(predicate: (message: M) => boolean, from?: number, ms?: number): Promise<M>;
  waitFor(predicate: (message: M) => boolean, from = 0, ms = 30_000): Promise<M> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.messages.slice(from).find(predicate);
        if (!found) return;
        this.#waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(check);
        reject(new Error(`no matching message within ${ms} ms; got ${JSON.stringify(this.messages.slice(from).map((m) => m.type))}`));
      }, ms);
      this.#waiters.add(check);
      check();
    });
  }

  /** The `cell` message for cell `index` in a final state, from position `from` on. */
  finished(this: TestClient, index: number, from = 0): Promise<Extract<ServerMessage, { type: 'cell' }>> {
    return this.waitFor(
      (m): m is Extract<ServerMessage, { type: 'cell' }> => m.type === 'cell' && m.index === index && ['ok', 'error', 'cancelled'].includes(m.state),
      from,
    );
  }

  close(): Promise<void> {
    this.#socket.close();
    return this.closed.then(() => undefined);
  }
}
