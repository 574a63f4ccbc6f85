/**
 * How it works: the {@link AuthorizationServer} on plain `node:http`, with the endpoints RFC 8414
 * metadata announces:
 *
 *   GET  /.well-known/oauth-authorization-server   metadata
 *   GET  /jwks.json                                the access-token verification key
 *   GET  /authorize                                log in (your callback), then 302 to the client
 *   POST /token                                    form-encoded; client_secret_basic or client_id
 *   POST /introspect                               form-encoded; client_secret_basic
 *
 * Token responses carry `Cache-Control: no-store` (RFC 6749 §5.1). Form bodies over 8 KiB are refused.
 */
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basicChallenge, parseBasicAuthorization } from '../basic.js';
import { AuthError, OAuthError } from '../errors.js';
import { AuthorizationServer, type AuthorizationServerOptions } from './server.js';
import { singleValued } from './parameters.js';
import type { ClientAuthentication } from './types.js';

/** Options of {@link createAuthorizationServerHandler}. */
export interface AuthorizationServerHandlerOptions {
  /**
   * Authenticates the resource owner at `/authorize` and returns their id, or `undefined` to
   * answer 401 with a Basic challenge. A real server shows a login and consent page here.
   */
  authenticateUser(request: IncomingMessage): string | undefined | Promise<string | undefined>;
}

const MAX_FORM_BYTES = 8 * 1024;

/** Every JSON answer: never cached (RFC 6749 §5.1), never sniffed into another type. */
function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  response.end(JSON.stringify(body));
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') throw new OAuthError('invalid_request', 'the body must be application/x-www-form-urlencoded');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > MAX_FORM_BYTES) throw new OAuthError('invalid_request', 'the body is too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** One half of client_secret_basic: form-encoded (RFC 6749 §2.3.1), so a bad `%` escape is a failed client authentication. */
function formDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch (cause) {
    throw new OAuthError('invalid_client', 'client authentication failed', { cause });
  }
}

/** client_secret_basic (RFC 6749 §2.3.1: id and secret form-encoded, then Basic), or a public client's client_id. */
function clientAuthentication(request: IncomingMessage, form: Readonly<Record<string, string>>): ClientAuthentication | undefined {
  const header = request.headers.authorization;
  const bodyId = form.client_id;
  if (header === undefined) return bodyId === undefined ? undefined : { clientId: bodyId };
  let credentials: { username: string; password: string };
  try {
    credentials = parseBasicAuthorization(header);
  } catch (cause) {
    throw new OAuthError('invalid_client', 'client authentication failed', { cause });
  }
  const clientId = formDecode(credentials.username);
  const clientSecret = formDecode(credentials.password);
  if (bodyId !== undefined && bodyId !== clientId) throw new OAuthError('invalid_request', 'client_id differs from the authenticated client');
  return { clientId, clientSecret };
}

/**
 * A `node:http` request listener serving an {@link AuthorizationServer}.
 *
 * @example
 * ```ts
 * const as = new AuthorizationServer({ issuer: 'http://127.0.0.1:0' }); // see the notebook for port 0
 * const server = http.createServer(createAuthorizationServerHandler(as, { authenticateUser: () => 'ada' }));
 * ```
 */
export function createAuthorizationServerHandler(server: AuthorizationServer, options: AuthorizationServerHandlerOptions): RequestListener {
  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const endpoint = `${request.method ?? 'GET'} ${url.pathname}`;
    switch (endpoint) {
      case 'GET /.well-known/oauth-authorization-server':
        return send(response, 200, server.metadata(), { 'cache-control': 'max-age=300' });
      case 'GET /jwks.json':
        return send(response, 200, server.jwks(), { 'cache-control': 'max-age=300' });
      case 'GET /authorize': {
        const subject = await options.authenticateUser(request);
        if (subject === undefined) {
          return send(response, 401, { error: 'login_required' }, { 'www-authenticate': basicChallenge('authorization server') });
        }
        const location = server.authorize(url.searchParams, subject);
        response.writeHead(302, { location, 'cache-control': 'no-store' });
        return void response.end();
      }
      case 'POST /token': {
        const form = singleValued(await readForm(request));
        return send(response, 200, server.token(form, clientAuthentication(request, form)));
      }
      case 'POST /introspect': {
        const form = singleValued(await readForm(request));
        return send(response, 200, server.introspect(form.token ?? '', clientAuthentication(request, form)));
      }
      default:
        return send(response, 404, { error: 'not_found' });
    }
  }

  return (request, response) => {
    route(request, response).catch((error: unknown) => {
      if (error instanceof OAuthError) {
        const headers: Record<string, string> = error.status === 401 ? { 'www-authenticate': basicChallenge('authorization server') } : {};
        send(response, error.status, { error: error.error, error_description: error.description }, headers);
      } else {
        send(response, error instanceof AuthError ? error.status : 500, { error: 'server_error' });
      }
    });
  };
}

/** A running authorization server, from {@link listenAuthorizationServer}. */
export interface RunningAuthorizationServer {
  /** The issuer URL, `http://127.0.0.1:<port>`. */
  issuer: string;
  server: AuthorizationServer;
  /** Stops listening and closes idle connections. */
  close(): Promise<void>;
}

/**
 * Starts an {@link AuthorizationServer} over HTTP on 127.0.0.1 and a free port (port 0), so the
 * issuer URL is known only after listening. Close it when done.
 *
 * @example
 * ```ts
 * const running = await listenAuthorizationServer({ authenticateUser: () => 'ada' });
 * const client = await OAuthClient.discover(running.issuer, { clientId: 'spa', redirectUri });
 * await running.close();
 * ```
 */
export async function listenAuthorizationServer(
  options: Omit<AuthorizationServerOptions, 'issuer'> & AuthorizationServerHandlerOptions & { host?: string; port?: number },
): Promise<RunningAuthorizationServer> {
  let handler: RequestListener | undefined;
  const http = createServer((request, response) => handler?.(request, response));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, host, resolve);
  });
  const { port } = http.address() as AddressInfo;
  const issuer = `http://${host}:${port}`;
  const server = new AuthorizationServer({ ...options, issuer });
  handler = createAuthorizationServerHandler(server, options);
  return {
    issuer,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        http.close((error) => (error ? reject(error) : resolve()));
        http.closeIdleConnections();
      }),
  };
}
