/**
 * How it works
 *
 * A minimal HTTP/1.1 client for the hot path, the ranged GETs, that reads the socket straight
 * into the buffers it writes to disk, as curl does. node:http hands over every socket read as a
 * fresh Buffer through the HTTP parser and a stream; at a gigabyte per second that is ~16,000
 * allocations, their page faults and garbage per GiB, and it measured several times the CPU of
 * curl (bench/download.mjs). Here each connection owns two fixed batch buffers and the socket's
 * `onread` option makes the kernel copy received bytes directly into them:
 *
 *            socket (onread: the free space of the current buffer)
 *               │
 *     [ A: filling ........ ]   [ B: being written at its file offset ]
 *               │ full (or body complete) and B's write is done
 *               ▼
 *     swap: A is written, B fills. Full while the other is still being written: stop reading
 *     (readStop) until it is done; TCP's window then closes on the server — backpressure.
 *
 * Memory per connection is exactly two batches, allocated once, whatever the file size. The
 * response head is read into the same buffer; the body bytes that came with it are moved to the
 * front. Only what a 206 needs is supported: a status line, headers, and a body framed by
 * Content-Length (no chunked bodies, no pipelining; the plain-stream fallback uses node:http).
 * The connection is kept alive between requests and read while idle, so a server closing it is
 * noticed before the next request is sent on it.
 *
 * When the connection fails midway, the bytes already received are still written before the
 * request rejects: they are correct, and the retry resumes after them.
 */
import net from 'node:net';
import tls from 'node:tls';
import { ConnectionError, IdleTimeoutError, HttpProtocolError } from './errors.js';
import { caOption, type TrustedCa } from './http.js';

/** A response's status line and headers (names lowercased, repeated ones joined with ", "). */
export interface ResponseHead {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
}

/** Where a response goes. */
export interface ResponseSink {
  /** Receives the head; returns how many body bytes to read, or throws to refuse the response. */
  head(head: ResponseHead): number;
  /** Writes the next body bytes; `bytes` is only valid until the promise settles. */
  write(bytes: Buffer): Promise<void>;
}

/** Settings of a {@link Connection}. */
export interface ConnectionOptions {
  /** Bytes per batch buffer (two per connection). */
  readonly batchBytes: number;
  /** A request whose connection stays silent this long fails with `IdleTimeoutError`. */
  readonly idleTimeoutMs: number;
  /** Extra trusted certificates for https. */
  readonly ca?: TrustedCa | undefined;
}

const HEAD_END = Buffer.from('\r\n\r\n');

/** The two batch buffers of a connection and where the socket is filling them. */
interface Batches {
  readonly buffers: [Buffer, Buffer];
  /** The buffer being filled; the other may be being written. */
  current: 0 | 1;
  /** Bytes in the current buffer. */
  fill: number;
}

/** What an exchange may do to its socket. */
interface SocketControl {
  /** Starts reading again after `received()` returned false. */
  resume(): void;
  /** Destroys the socket: no byte is read into the buffers after this. */
  stop(): void;
}

/** One keep-alive HTTP/1.1 connection to an origin, for GETs with Content-Length bodies. */
export class Connection {
  readonly #origin: URL;
  readonly #options: ConnectionOptions;
  readonly #batches: Batches;
  #socket: net.Socket | undefined;
  #current: Exchange | undefined;
  #unanswered = false; // the last exchange failed before any byte of an answer

  /**
   * @param origin - any URL of the origin (protocol, host and port are used).
   * @param options - batch size, idle timeout, certificates.
   */
  constructor(origin: URL, options: ConnectionOptions) {
    this.#origin = origin;
    this.#options = options;
    this.#batches = { buffers: [Buffer.allocUnsafe(options.batchBytes), Buffer.allocUnsafe(options.batchBytes)], current: 0, fill: 0 };
  }

  /**
   * Sends `GET target` and streams the response into `sink`. Resolves once the body is written;
   * rejects with `ConnectionError` / `IdleTimeoutError` (after writing what arrived), the
   * error `sink.head` threw, a write error, or `signal.reason`. One request at a time.
   *
   * A kept-alive connection that the server closed just as the request went out fails before
   * any byte of an answer: that request is sent once more on a new connection, as browsers and
   * undici do for idempotent requests, instead of counting as a failure.
   */
  async get(target: string, headers: Readonly<Record<string, string>>, sink: ResponseSink, signal: AbortSignal): Promise<void> {
    const reused = this.#socket !== undefined;
    try {
      await this.#exchange(target, headers, sink, signal);
    } catch (error) {
      if (!(reused && error instanceof ConnectionError && this.#unanswered) || signal.aborted) throw error;
      await this.#exchange(target, headers, sink, signal);
    }
  }

  #exchange(target: string, headers: Readonly<Record<string, string>>, sink: ResponseSink, signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    if (this.#current !== undefined) throw new Error('Connection#get: a request is already in progress');
    const control: SocketControl = {
      resume: () => this.#socket?.resume(),
      stop: () => this.close(),
    };
    const exchange = new Exchange(this.#batches, sink, control, this.#origin.href, `${headers['range'] ?? 'GET'}`);
    this.#current = exchange; // before connecting: the socket asks the exchange for its first buffer
    const socket = (this.#socket ??= this.#connect());
    const onAbort = (): void => exchange.fail(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    socket.setTimeout(this.#options.idleTimeoutMs);
    socket.resume();
    socket.write(requestText(this.#origin, target, headers));
    return exchange.done.finally(() => {
      signal.removeEventListener('abort', onAbort);
      this.#current = undefined;
      this.#unanswered = !exchange.answered;
      if (exchange.reusable && this.#socket === socket) socket.setTimeout(0);
      else if (this.#socket === socket) this.close(); // failed, refused or "Connection: close": never reuse
    });
  }

  /** Closes the connection. */
  close(): void {
    const socket = this.#socket;
    this.#socket = undefined;
    socket?.destroy();
  }

  #connect(): net.Socket {
    const origin = this.#origin;
    const https = origin.protocol === 'https:';
    const host = origin.hostname.replace(/^\[|\]$/g, ''); // [::1] → ::1
    const port = Number(origin.port) || (https ? 443 : 80);
    const batches = this.#batches;
    const onread = {
      buffer: () => this.#current?.nextBuffer() ?? batches.buffers[batches.current].subarray(batches.fill),
      callback: (length: number) => this.#current?.received(length) ?? this.#unexpected(),
    };
    // tls.connect reads into `onread` too (Node ≥ 15.1), though @types/node does not say so.
    const secure: tls.ConnectionOptions = {
      host,
      port,
      ALPNProtocols: ['http/1.1'],
      ...(net.isIP(host) ? {} : { servername: host }),
      ...caOption(this.#options.ca),
    };
    const socket = https ? tls.connect(Object.assign(secure, { onread })) : net.connect({ host, port, onread, noDelay: true });
    // Events of a socket that is no longer the current one (closed by us) concern nobody.
    const current = (): Exchange | undefined => (this.#socket === socket ? this.#current : undefined);
    socket.on('timeout', () => socket.destroy(new IdleTimeoutError(origin.href, this.#options.idleTimeoutMs)));
    socket.on('error', (error) => current()?.fail(error instanceof IdleTimeoutError ? error : this.#dropped(error)));
    socket.on('close', () => {
      const exchange = current();
      if (this.#socket === socket) this.#socket = undefined;
      exchange?.fail(this.#dropped(new Error('the server closed the connection')));
    });
    return socket;
  }

  #dropped(cause: unknown): ConnectionError {
    return new ConnectionError(this.#origin.href, this.#current?.description ?? 'idle', cause);
  }

  /** Bytes while no request is waiting: the connection is out of step; drop it. */
  #unexpected(): boolean {
    this.close();
    return false;
  }
}

function requestText(origin: URL, target: string, headers: Readonly<Record<string, string>>): string {
  let text = `GET ${target} HTTP/1.1\r\nhost: ${origin.host}\r\naccept-encoding: identity\r\nconnection: keep-alive\r\n`;
  for (const [name, value] of Object.entries(headers)) text += `${name}: ${value}\r\n`;
  return `${text}\r\n`;
}

/** One request and its response: the read state machine over the connection's two buffers. */
class Exchange {
  readonly description: string;
  readonly done: Promise<void>;
  /** Whether the connection may carry another request afterwards. */
  reusable = false;
  /** Whether any byte of the answer arrived. */
  answered = false;
  readonly #batches: Batches;
  readonly #sink: ResponseSink;
  readonly #control: SocketControl;
  readonly #href: string;
  #phase: 'head' | 'body' | 'complete' | 'failed' = 'head';
  #remaining = 0;
  #keepAlive = true;
  #writing: Promise<void> | undefined;
  #waiting = false; // the current buffer is full and waits for the other one's write
  #resolve!: () => void;
  #reject!: (error: unknown) => void;

  constructor(batches: Batches, sink: ResponseSink, control: SocketControl, href: string, description: string) {
    this.#batches = batches;
    this.#sink = sink;
    this.#control = control;
    this.#href = href;
    this.description = description;
    this.done = new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
  }

  /** The memory the next socket read goes into. */
  nextBuffer(): Buffer {
    const { buffers, current, fill } = this.#batches;
    if (this.#waiting) return buffers[current === 0 ? 1 : 0]; // no read happens until that write is done and they swap
    const buffer = buffers[current];
    if (this.#phase !== 'body') return buffer.subarray(fill);
    return buffer.subarray(fill, fill + Math.min(buffer.length - fill, this.#remaining));
  }

  /** Handles `length` new bytes at the end of the current buffer; `false` stops reading. */
  received(length: number): boolean {
    if (this.#phase === 'complete' || this.#phase === 'failed') {
      this.#keepAlive = this.reusable = false; // bytes nobody asked for: the connection is out of step
      return false;
    }
    const batches = this.#batches;
    batches.fill += length;
    this.answered = true;
    if (this.#phase === 'head') {
      if (!this.#readHead(length)) return this.#phase === 'head';
    } else {
      this.#remaining -= length;
    }
    if (this.#remaining === 0) this.#phase = 'complete';
    const full = batches.fill === batches.buffers[batches.current].length;
    if (!full && this.#phase !== 'complete') return true;
    if (this.#writing !== undefined) {
      this.#waiting = true;
      return false;
    }
    this.#flush();
    return true;
  }

  /** Parses the head once it is all there; `false` while it is not (or it was refused). */
  #readHead(length: number): boolean {
    const batches = this.#batches;
    const buffer = batches.buffers[batches.current];
    const end = buffer.subarray(0, batches.fill).indexOf(HEAD_END, Math.max(0, batches.fill - length - 3));
    if (end < 0) {
      if (batches.fill === buffer.length) this.fail(new HttpProtocolError(this.#href, 'the response head is larger than a batch'));
      return false;
    }
    let bodyLength: number;
    try {
      const head = parseHead(buffer.toString('latin1', 0, end), this.#href);
      this.#keepAlive = head.keepAlive;
      bodyLength = this.#sink.head(head);
      const encoding = head.headers['transfer-encoding'];
      if (encoding !== undefined) {
        throw new HttpProtocolError(this.#href, `a ${head.status} with Transfer-Encoding ${encoding}: only Content-Length bodies are read here`);
      }
    } catch (error) {
      this.fail(error);
      return false;
    }
    const start = end + HEAD_END.length;
    const arrived = batches.fill - start;
    if (arrived > bodyLength) {
      this.fail(new HttpProtocolError(this.#href, `more body than the ${bodyLength} bytes announced`));
      return false;
    }
    buffer.copyWithin(0, start, batches.fill);
    batches.fill = arrived;
    this.#remaining = bodyLength - arrived;
    this.#phase = 'body';
    return true;
  }

  /** Starts writing the current buffer and makes the other one current. */
  #flush(): void {
    const batches = this.#batches;
    const bytes = batches.buffers[batches.current].subarray(0, batches.fill);
    batches.current = batches.current === 0 ? 1 : 0;
    batches.fill = 0;
    const last = this.#phase === 'complete';
    const writing = bytes.length > 0 ? this.#sink.write(bytes) : Promise.resolve();
    this.#writing = writing;
    writing.then(
      () => {
        this.#writing = undefined;
        if (this.#phase === 'failed') return;
        if (this.#waiting) {
          this.#waiting = false;
          this.#flush();
          this.#control.resume(); // into the buffer just written, which the socket already points at
        } else if (last) {
          this.reusable = this.#keepAlive;
          this.#resolve();
        }
      },
      (error: unknown) => this.fail(error, true),
    );
  }

  /**
   * Ends the exchange with `error`: stops the socket, waits for the write in flight, writes the
   * body bytes that arrived (unless a write failed), then rejects. A complete body ignores a
   * connection failing behind it.
   */
  fail(error: unknown, writeFailed = false): void {
    if (this.#phase === 'failed' || (this.#phase === 'complete' && !writeFailed)) return;
    const hadBody = this.#phase === 'body' || this.#phase === 'complete';
    this.#phase = 'failed';
    this.#control.stop();
    const batches = this.#batches;
    void (async () => {
      let failure = error;
      try {
        await this.#writing;
        if (!writeFailed && hadBody && batches.fill > 0) await this.#sink.write(batches.buffers[batches.current].subarray(0, batches.fill));
      } catch (writeError) {
        failure = writeError; // a disk error is the real one, whatever the connection did
      }
      batches.fill = 0;
      this.#reject(failure);
    })();
  }
}

/** Parses a status line and headers; throws `HttpProtocolError` when they are not HTTP/1.x. */
function parseHead(text: string, href: string): ResponseHead & { keepAlive: boolean } {
  const lines = text.split('\r\n');
  const match = /^HTTP\/1\.([01]) (\d{3})/.exec(lines[0] ?? '');
  if (match === null) throw new HttpProtocolError(href, `not an HTTP/1.x response: ${JSON.stringify((lines[0] ?? '').slice(0, 40))}`);
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  const connection = (headers['connection'] ?? '').toLowerCase();
  const keepAlive = match[1] === '1' ? !connection.includes('close') : connection.includes('keep-alive');
  return { status: Number(match[2]), headers, keepAlive };
}
