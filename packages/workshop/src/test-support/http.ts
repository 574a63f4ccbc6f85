/** Raw HTTP requests and WebSocket handshakes with every header under the test's control. */
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { randomBytes } from 'node:crypto';
import { SOCKET_PROTOCOL, TOKEN_PROTOCOL_PREFIX } from '../protocol.js';
import type { Workshop } from '../server.js';

/** A response, read whole. */
export interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** Reads a response whole. */
function readAnswer(res: IncomingMessage, resolve: (answer: Answer) => void): void {
  let body = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (body += chunk));
  res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
}

/** Headers a same-origin page of `workshop` would send, with its cookie. */
export function pageHeaders(workshop: Workshop): Record<string, string> {
  return {
    host: `127.0.0.1:${workshop.port}`,
    origin: workshop.origin,
    cookie: workshop.pageCookie,
  };
}

/** The subprotocols a workshop page asks for: the protocol, then the token (`token` to try another). */
export const socketProtocols = (workshop: Workshop, token = workshop.token): string[] => [SOCKET_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${token}`];

/** Headers of a same-origin page's WebSocket handshake: the page's, plus the token in `Sec-WebSocket-Protocol`. */
export function socketHeaders(workshop: Workshop): Record<string, string> {
  return { ...pageHeaders(workshop), 'sec-websocket-protocol': socketProtocols(workshop).join(', ') };
}

/** Sends a request to `workshop` with exactly `headers` (Host included). */
export function fetchRaw(workshop: Workshop, path: string, headers: Record<string, string>, method = 'GET'): Promise<Answer> {
  return fetchRawAt(workshop.port, path, headers, method);
}

/** Sends a request to the server on 127.0.0.1:`port` with exactly `headers`. */
export function fetchRawAt(port: number, path: string, headers: Record<string, string>, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers, setHost: false }, (res) => readAnswer(res, resolve));
    req.on('error', reject);
    req.end();
  });
}

/**
 * Attempts a WebSocket handshake with exactly `headers`; resolves with the status the server
 * answered (101 when it accepted: the socket is closed at once).
 */
export function handshake(workshop: Workshop, path: string, headers: Record<string, string>): Promise<Answer> {
  return handshakeAt(workshop.port, path, headers);
}

/** {@link handshake} with the server on 127.0.0.1:`port`. */
export function handshakeAt(port: number, path: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      path,
      setHost: false,
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': randomBytes(16).toString('base64'),
        ...headers,
      },
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '' });
    });
    req.on('response', (res) => readAnswer(res, resolve));
    req.on('error', reject);
    req.end();
  });
}
