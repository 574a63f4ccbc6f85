/**
 * One HTTP request through node:http / node:https, following redirects, with an idle timeout:
 * the probe (HEAD) and the plain-stream fallback use it.
 *
 * Why node:http here and not `fetch` (undici): the body comes as a Node stream of Buffers that
 * pauses the socket when we stop reading (honest backpressure, no web `ReadableStream` in
 * between), keep-alive agents are explicit, and the raw headers of a 206 are at hand. Why not
 * for the ranged GETs as well: at loopback speeds its per-chunk allocations cost several times
 * curl's CPU; those go through connection.ts, which reads straight into the write buffers.
 */
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { ConnectionError, HttpStatusError, IdleTimeoutError } from './errors.js';

/** Extra trusted CA certificates (PEM), as `download()`'s `ca` option takes them. */
export type TrustedCa = string | Buffer | readonly (string | Buffer)[];

/** `ca` as TLS options take it (absent when there is none). */
export function caOption(ca: TrustedCa | undefined): { ca?: string | Buffer | (string | Buffer)[] } {
  if (ca === undefined) return {};
  return { ca: typeof ca === 'string' || Buffer.isBuffer(ca) ? ca : [...ca] };
}

/** The keep-alive agents one download shares between its requests. */
export class Agents {
  readonly #http: http.Agent;
  readonly #https: https.Agent;

  /**
   * @param maxSockets - the most connections open at once per origin.
   * @param ca - extra trusted certificates for https.
   */
  constructor(maxSockets: number, ca?: TrustedCa) {
    this.#http = new http.Agent({ keepAlive: true, maxSockets });
    this.#https = new https.Agent({ keepAlive: true, maxSockets, ...caOption(ca) });
  }

  /** The agent for a URL's protocol. */
  for(url: URL): http.Agent {
    return url.protocol === 'https:' ? this.#https : this.#http;
  }

  /** Closes every pooled socket. */
  destroy(): void {
    this.#http.destroy();
    this.#https.destroy();
  }
}

/** What {@link send} needs. */
export interface SendOptions {
  readonly method: 'GET' | 'HEAD';
  readonly headers: Readonly<Record<string, string>>;
  readonly agents: Agents;
  readonly idleTimeoutMs: number;
  readonly signal: AbortSignal;
}

/** A response and the URL it finally came from, after redirects. */
export interface Sent {
  readonly response: IncomingMessage;
  readonly url: URL;
  /** Why the request failed after its headers arrived (an idle timeout mid-body), if it did. */
  readonly failure: () => unknown;
}

const MAX_REDIRECTS = 10;

/**
 * Sends a request and resolves with the response once its headers arrive (the body is left
 * unread, paused). Follows 301/302/303/307/308 (at most 10). Rejects with `ConnectionError`
 * when the connection fails, `IdleTimeoutError` when the socket stays silent for
 * `idleTimeoutMs` (which also ends a body that stalls later), or `signal.reason` when aborted.
 */
export async function send(url: URL, options: SendOptions): Promise<Sent> {
  for (let redirects = 0; ; redirects++) {
    const sent = await sendOnce(url, options);
    const { response } = sent;
    const location = response.headers.location;
    if (!isRedirect(response.statusCode) || location === undefined) return sent;
    response.resume();
    if (redirects === MAX_REDIRECTS) throw new HttpStatusError(url.href, response.statusCode ?? 0, 'too many redirects');
    url = new URL(location, url);
  }
}

function isRedirect(status: number | undefined): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

function sendOnce(url: URL, options: SendOptions): Promise<Sent> {
  const { signal } = options;
  signal.throwIfAborted();
  let failure: unknown;
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).request(url, {
      method: options.method,
      headers: { 'accept-encoding': 'identity', ...options.headers },
      agent: options.agents.for(url),
      signal,
    });
    request.setTimeout(options.idleTimeoutMs, () => request.destroy(new IdleTimeoutError(url.href, options.idleTimeoutMs)));
    request.once('response', (response: IncomingMessage) => resolve({ response, url, failure: () => failure }));
    request.on('error', (error) => {
      failure ??= signal.aborted
        ? signal.reason
        : error instanceof IdleTimeoutError
          ? error
          : new ConnectionError(url.href, `${options.method} ${describeRange(options.headers)}`, error);
      reject(failure); // a no-op once the response has arrived; the body's reader asks failure()
    });
    request.end();
  });
}

function describeRange(headers: Readonly<Record<string, string>>): string {
  return headers['range'] ?? 'whole file';
}
