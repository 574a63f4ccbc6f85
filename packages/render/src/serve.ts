/**
 * A tiny static file server for a built site, on `node:http` alone.
 *
 * How a request maps to a file, refusing anything that could leave `dir`:
 *   1. only GET and HEAD (405 otherwise);
 *   2. the URL's path is percent-decoded once; a malformed escape or a NUL byte is a 400;
 *   3. any `..` segment (split on `/` and `\`, so `%2e%2e%2f` and `..%5c` count) is a 403;
 *   4. the path is resolved under the root and must stay inside it (403), and so must its real
 *      path once symlinks are followed (404 then, to reveal nothing);
 *   5. a directory serves its `index.html` (after a redirect adding the trailing `/`, so relative
 *      links work); anything missing is a 404.
 * Every response says `Cache-Control: no-cache`, so a rebuilt page shows on reload, and carries
 * the site's Content-Security-Policy (no script, `frame-ancestors 'none'`) with `nosniff`.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { SITE_CSP } from './csp.js';
import { ServeRootError } from './errors.js';

/** Options of {@link serveSite}. */
export interface ServeOptions {
  /** Interface to listen on (default `127.0.0.1`: this machine only). */
  readonly host?: string;
  /** Port (default `0`: any free port; read the actual one from `url`). */
  readonly port?: number;
}

/** A running server. */
export interface SiteServer {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:54321/`. */
  readonly url: string;
  /** Stop listening and drop open connections. */
  close(): Promise<void>;
}

const TEXT = '; charset=utf-8';

/** The site's policy, plus what only a header can say. */
const HEADER_CSP = `${SITE_CSP}; frame-ancestors 'none'`;

/** Content types by extension; anything else is `application/octet-stream`. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': `text/html${TEXT}`,
  '.htm': `text/html${TEXT}`,
  '.css': `text/css${TEXT}`,
  '.js': `text/javascript${TEXT}`,
  '.mjs': `text/javascript${TEXT}`,
  '.json': `application/json${TEXT}`,
  '.map': `application/json${TEXT}`,
  '.ipynb': `application/x-ipynb+json${TEXT}`,
  '.txt': `text/plain${TEXT}`,
  '.md': `text/markdown${TEXT}`,
  '.xml': `application/xml${TEXT}`,
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

function send(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  const body = `${status} ${message}\n`;
  res.writeHead(status, {
    'Content-Type': `text/plain${TEXT}`,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': HEADER_CSP,
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

const isInside = (root: string, file: string): boolean => file === root || file.startsWith(root + sep);

async function handle(root: string, realRoot: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });

  // Read the raw path ourselves: WHATWG URL parsing would quietly resolve `..` away.
  const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return send(res, 400, 'Bad Request');
  }
  if (!path.startsWith('/') || path.includes('\0')) return send(res, 400, 'Bad Request');
  if (path.split(/[\\/]/).includes('..')) return send(res, 403, 'Forbidden');

  let file = resolve(root, `.${path}`);
  if (!isInside(root, file)) return send(res, 403, 'Forbidden');

  let info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    if (!rawPath.endsWith('/')) return send(res, 301, 'Moved Permanently', { Location: `${rawPath}/` });
    file = join(file, 'index.html');
    info = await stat(file).catch(() => undefined);
  }
  if (!info?.isFile()) return send(res, 404, 'Not Found');
  const real = await realpath(file).catch(() => undefined);
  if (!real || !isInside(realRoot, real)) return send(res, 404, 'Not Found');

  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': 'no-cache',
    'Last-Modified': info.mtime.toUTCString(),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': HEADER_CSP,
  });
  if (req.method === 'HEAD') {
    res.end();
    return undefined;
  }
  const stream = createReadStream(real);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
  return undefined;
}

/**
 * Serve the files under `dir` over HTTP until `close()` is called.
 *
 * @param dir - the site directory (e.g. the `outDir` of `buildSite`).
 * @throws ServeRootError if `dir` is not a directory; the listen error (e.g. `EADDRINUSE`).
 *
 * @example
 * ```ts
 * const server = await serveSite('site');
 * console.log(`open ${server.url}`);
 * // …
 * await server.close();
 * ```
 */
export async function serveSite(dir: string, options: ServeOptions = {}): Promise<SiteServer> {
  if (typeof dir !== 'string' || dir === '') throw new TypeError(`serveSite: dir must be a non-empty string, got ${String(dir)}`);
  const { host = '127.0.0.1', port = 0 } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new TypeError(`serveSite: port must be an integer from 0 to 65535, got ${String(port)}`);
  }
  const root = resolve(dir);
  const rootInfo = await stat(root).catch((error: unknown) => {
    throw new ServeRootError(dir, { cause: error });
  });
  if (!rootInfo.isDirectory()) throw new ServeRootError(dir);
  const realRoot = await realpath(root);

  const server = createServer((req, res) => {
    handle(root, realRoot, req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal Server Error');
      else res.destroy();
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const address = server.address() as AddressInfo;
  const hostname = address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address;
  return {
    url: `http://${hostname}:${address.port}/`,
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        server.close((error) => (error ? reject(error) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}
