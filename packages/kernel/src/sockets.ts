/**
 * The client's three ZeroMQ sockets to a kernel: shell and control (DEALER, request/reply) and
 * iopub (SUB, everything the kernel publishes). Incoming messages are decoded, checked and
 * handed to one callback per channel.
 */
import { Dealer, Subscriber } from 'zeromq';
import { channelAddress, type ConnectionInfo } from './connection.js';
import type { Message } from './messages.js';
import { decodeMessage, encodeMessage } from './wire.js';

/** A channel the client sends requests on. */
export type RequestChannel = 'shell' | 'control';

/** Where decoded messages go. */
export interface SocketHandlers {
  onReply(channel: RequestChannel, message: Message): void;
  onIopub(message: Message): void;
  onProtocolError(error: Error): void;
}

/** The open sockets to one kernel. */
export class KernelSockets {
  readonly #info: ConnectionInfo;
  readonly #shell = new Dealer({ linger: 0 });
  readonly #control = new Dealer({ linger: 0 });
  readonly #iopub = new Subscriber({ linger: 0 });
  readonly #sending: Record<RequestChannel, Promise<void>> = { shell: Promise.resolve(), control: Promise.resolve() };

  constructor(info: ConnectionInfo, handlers: SocketHandlers) {
    this.#info = info;
    this.#shell.connect(channelAddress(info, info.shell_port));
    this.#control.connect(channelAddress(info, info.control_port));
    this.#iopub.connect(channelAddress(info, info.iopub_port));
    this.#iopub.subscribe();
    const pump = async (socket: Dealer | Subscriber, deliver: (message: Message) => void) => {
      try {
        for await (const frames of socket) {
          try {
            deliver(decodeMessage(frames, info.key));
          } catch (error) {
            handlers.onProtocolError(error as Error);
          }
        }
      } catch {
        // The socket was closed while a receive was pending: nothing left to deliver.
      }
    };
    void pump(this.#shell, (message) => handlers.onReply('shell', message));
    void pump(this.#control, (message) => handlers.onReply('control', message));
    void pump(this.#iopub, (message) => handlers.onIopub(message));
  }

  /**
   * Signs and sends `message` on `channel`. Sends on one socket are queued: zeromq 6 rejects a
   * send that overlaps a deferred one with EBUSY.
   */
  send(channel: RequestChannel, message: Message<unknown>): Promise<void> {
    const socket = channel === 'shell' ? this.#shell : this.#control;
    const sent = this.#sending[channel].then(() => socket.send(encodeMessage(message, this.#info.key)));
    this.#sending[channel] = sent.catch(() => {});
    return sent;
  }

  /** Closes every socket at once (linger 0: unsent messages are dropped). */
  close(): void {
    for (const socket of [this.#shell, this.#control, this.#iopub]) if (!socket.closed) socket.close();
  }
}
