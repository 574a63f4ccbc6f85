/**
 * The access checks every HTTP request and WebSocket handshake passes before anything else runs.
 *
 * How it works: the workshop runs whatever code a page sends it, so it is locked the way Jupyter
 * locks its server.
 *   1. `Host` must name this server by a loopback name (`localhost`, `127.0.0.1`, `[::1]`, or a
 *      host the operator allowed) with its port. A page on evil.example whose DNS name is rebound
 *      to 127.0.0.1 sends `Host: evil.example` and is refused.
 *   2. `Origin`, when present, must be this server's own (`http://` + the accepted `Host`); a
 *      WebSocket handshake must carry one. Browsers always send it on WebSocket handshakes, so a
 *      page from any other origin cannot drive a kernel. No CORS header is ever sent.
 *   3. A credential. Pages and assets (HTTP) take the access token in the `token` query
 *      parameter (the URL printed at start) or the page cookie that a first request with the
 *      token sets (`HttpOnly`, `SameSite=Strict`, named after the port so two workshops do not
 *      clash). The cookie holds a separate random value, never the token: browsers send cookies
 *      to every port of a host (RFC 6265 §8.5), so any other server on 127.0.0.1 the learner
 *      visits receives it, and it must not be able to do more than read pages.
 *      The WebSocket handshake (the only way to run code) takes nothing but the token itself,
 *      carried in `Sec-WebSocket-Protocol` as `scalable-ts.workshop.token.<token>` (the page
 *      keeps it in `localStorage`, which only its own origin, port included, can read); the
 *      cookie and the query are not accepted there. So the cookie alone opens no kernel socket.
 *      Tokens are compared in constant time: both sides are hashed with SHA-256 and the digests
 *      compared with `timingSafeEqual`, so neither the content nor the length leaks through timing.
 * A request that fails a check gets a refusal and nothing else happens: no page is rendered,
 * no session is created, no kernel is started.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TOKEN_PROTOCOL_PREFIX } from './protocol.js';

/** Name of the query parameter that carries the token. */
export const TOKEN_PARAM = 'token';

/** Names a browser on this machine uses for a loopback server. */
export const LOOPBACK_NAMES: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/**
 * A fresh access token: 32 random bytes, base64url (43 characters, safe in URLs and cookies).
 *
 * @example
 * ```ts
 * const token = createAccessToken(); // 'q3J…' (43 characters)
 * ```
 */
export function createAccessToken(): string {
  return randomBytes(32).toString('base64url');
}

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * Whether `given` equals `expected`, in time independent of where or whether they differ.
 *
 * @example
 * ```ts
 * tokensMatch(token, url.searchParams.get('token') ?? undefined);
 * ```
 */
export function tokensMatch(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  return timingSafeEqual(digest(expected), digest(given));
}

/** The value of cookie `name` in a `Cookie` header, if it is there. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * The token a WebSocket handshake carries in `Sec-WebSocket-Protocol` (the entry that starts with
 * `scalable-ts.workshop.token.`), if any.
 *
 * @example
 * ```ts
 * socketToken('scalable-ts.workshop.v1, scalable-ts.workshop.token.q3J'); // 'q3J'
 * ```
 */
export function socketToken(header: string | undefined): string | undefined {
  const entry = header
    ?.split(',')
    .map((part) => part.trim())
    .find((part) => part.startsWith(TOKEN_PROTOCOL_PREFIX));
  return entry?.slice(TOKEN_PROTOCOL_PREFIX.length);
}

/** A request that passed (`ok`), or the status and reason of its refusal. */
export type Verdict =
  | { readonly ok: true; /** The token came in the URL: answer with the cookie. */ readonly tokenInUrl: boolean }
  | { readonly ok: false; readonly status: 401 | 403; readonly reason: string };

/** Options of {@link AccessGuard}. */
export interface GuardOptions {
  /** The access token: in the printed URL, and in every WebSocket handshake. */
  readonly token: string;
  /** The page cookie's value (default: 256 fresh random bits); never the token. */
  readonly pageKey?: string;
  /** The port the server listens on (part of every accepted `Host`). */
  readonly port: number;
  /** Host names accepted besides the loopback names (e.g. the address given with `--host`). */
  readonly extraHostNames?: readonly string[];
}

/**
 * Decides, for each request, whether it may reach the workshop.
 *
 * @example
 * ```ts
 * const guard = new AccessGuard({ token, port: 8765 });
 * const verdict = guard.check(request, { websocket: false });
 * if (!verdict.ok) return refuse(response, verdict.status, verdict.reason);
 * ```
 */
export class AccessGuard {
  /** Name of the page cookie, set on the first request that carries the token. */
  readonly cookieName: string;
  readonly #token: string;
  readonly #pageKey: string;
  readonly #hosts: ReadonlySet<string>;

  constructor(options: GuardOptions) {
    if (typeof options.token !== 'string' || options.token.length < 16) {
      throw new TypeError('AccessGuard: options.token must be a string of at least 16 characters');
    }
    if (!Number.isInteger(options.port) || options.port <= 0 || options.port > 65535) {
      throw new TypeError(`AccessGuard: options.port must be a port number, got ${String(options.port)}`);
    }
    this.#token = options.token;
    this.#pageKey = options.pageKey ?? createAccessToken();
    if (this.#pageKey === this.#token || this.#pageKey.length < 16) {
      throw new TypeError('AccessGuard: options.pageKey must be at least 16 characters and differ from the token');
    }
    this.cookieName = `scalable-ts-workshop-${options.port}`;
    const names = [...LOOPBACK_NAMES, ...(options.extraHostNames ?? [])].map((name) => name.toLowerCase());
    this.#hosts = new Set(names.flatMap((name) => [`${name}:${options.port}`, ...(options.port === 80 ? [name] : [])]));
  }

  /**
   * Checks `Host`, then `Origin` (required on a WebSocket handshake), then the credential: for
   * HTTP the token in the URL or the page cookie, for a WebSocket handshake the token in
   * `Sec-WebSocket-Protocol` and nothing else.
   *
   * @param request - the request or upgrade request.
   * @param options - `websocket: true` for a handshake.
   */
  check(request: IncomingMessage, options: { readonly websocket: boolean }): Verdict {
    const host = request.headers.host?.toLowerCase();
    if (host === undefined || !this.#hosts.has(host)) {
      return { ok: false, status: 403, reason: `Host ${JSON.stringify(request.headers.host ?? '')} is not this workshop's` };
    }
    const origin = request.headers.origin;
    if (origin === undefined ? options.websocket : origin.toLowerCase() !== `http://${host}`) {
      return { ok: false, status: 403, reason: `Origin ${JSON.stringify(origin ?? '')} is not this workshop's` };
    }
    if (options.websocket) {
      const given = socketToken(request.headers['sec-websocket-protocol']);
      if (tokensMatch(this.#token, given)) return { ok: true, tokenInUrl: false };
      return { ok: false, status: 401, reason: given === undefined ? 'No access token in Sec-WebSocket-Protocol' : 'Wrong access token' };
    }
    const query = new URL(request.url ?? '/', 'http://x').searchParams.get(TOKEN_PARAM);
    const cookie = readCookie(request.headers.cookie, this.cookieName);
    const passed = query !== null ? tokensMatch(this.#token, query) : tokensMatch(this.#pageKey, cookie);
    if (!passed) return { ok: false, status: 401, reason: query === null && cookie === undefined ? 'No access token' : 'Wrong access token' };
    return { ok: true, tokenInUrl: query !== null };
  }

  /** The `Set-Cookie` value that lets later page and asset requests of this browser through. */
  cookie(): string {
    return `${this.cookieName}=${this.#pageKey}; Path=/; HttpOnly; SameSite=Strict`;
  }
}
