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
 *   3. The access token (256 random bits) must come with the request, in the `token` query
 *      parameter (the URL printed at start) or in the cookie that a first request with the token
 *      sets (`HttpOnly`, `SameSite=Strict`, named after the port so two workshops do not clash).
 *      Tokens are compared in constant time: both sides are hashed with SHA-256 and the digests
 *      compared with `timingSafeEqual`, so neither the content nor the length leaks through timing.
 * A request that fails a check gets a refusal and nothing else happens: no page is rendered,
 * no session is created, no kernel is started.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

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

/** A request that passed (`ok`), or the status and reason of its refusal. */
export type Verdict =
  | { readonly ok: true; /** The token came in the URL: answer with the cookie. */ readonly tokenInUrl: boolean }
  | { readonly ok: false; readonly status: 401 | 403; readonly reason: string };

/** Options of {@link AccessGuard}. */
export interface GuardOptions {
  /** The access token requests must carry. */
  readonly token: string;
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
  /** Name of the cookie that carries the token after the first request. */
  readonly cookieName: string;
  readonly #token: string;
  readonly #hosts: ReadonlySet<string>;

  constructor(options: GuardOptions) {
    if (typeof options.token !== 'string' || options.token.length < 16) {
      throw new TypeError('AccessGuard: options.token must be a string of at least 16 characters');
    }
    if (!Number.isInteger(options.port) || options.port <= 0 || options.port > 65535) {
      throw new TypeError(`AccessGuard: options.port must be a port number, got ${String(options.port)}`);
    }
    this.#token = options.token;
    this.cookieName = `scalable-ts-workshop-${options.port}`;
    const names = [...LOOPBACK_NAMES, ...(options.extraHostNames ?? [])].map((name) => name.toLowerCase());
    this.#hosts = new Set(names.flatMap((name) => [`${name}:${options.port}`, ...(options.port === 80 ? [name] : [])]));
  }

  /**
   * Checks `Host`, then `Origin` (required on a WebSocket handshake), then the token.
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
    const query = new URL(request.url ?? '/', 'http://x').searchParams.get(TOKEN_PARAM);
    const given = query ?? readCookie(request.headers.cookie, this.cookieName);
    if (!tokensMatch(this.#token, given)) {
      return { ok: false, status: 401, reason: given === undefined ? 'No access token' : 'Wrong access token' };
    }
    return { ok: true, tokenInUrl: query !== null };
  }

  /** The `Set-Cookie` value that lets later requests of this browser through. */
  cookie(): string {
    return `${this.cookieName}=${this.#token}; Path=/; HttpOnly; SameSite=Strict`;
  }
}
