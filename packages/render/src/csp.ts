/**
 * Content-Security-Policy of the pages: the second wall behind `sanitize.ts`. Were the sanitiser
 * ever to let markup through, the browser still runs no script the page did not load from its own
 * origin, no inline script or handler, no plugin, no `<base>` that reroutes the page's script, and
 * submits no form.
 *
 * Two policies, sharing those walls:
 *   - {@link SITE_CSP}: the static site, which runs no script at all (`script-src 'none'`). It is
 *     a `<meta http-equiv>` in every page (so it holds when the files are opened from disk or
 *     served by anything) and a header from `serveSite`, which adds `frame-ancestors 'none'`
 *     (a meta policy cannot carry that one).
 *   - {@link livePageCsp}: a page that runs its own script (`script-src 'self'`) and talks to its
 *     server (the workshop): everything else is `'none'` unless listed (`default-src 'none'`).
 *     `connect-src` names the WebSocket URL explicitly, since Safari does not let `'self'` match
 *     `ws:` (w3c/webappsec-csp#7, WebKit bug 201591).
 */

/** The directives every page gets: no script but the page's own, no plugins, no base, no forms, no frames. */
const WALLS = ["object-src 'none'", "base-uri 'none'", "form-action 'none'", "frame-src 'none'"];

/** The static site's policy (no script at all). */
export const SITE_CSP = ["script-src 'none'", ...WALLS].join('; ');

/**
 * The policy of a live page that loads its scripts from its own origin and opens WebSockets to
 * `connect` (e.g. `ws://127.0.0.1:8765`).
 *
 * @example
 * ```ts
 * response.setHeader('Content-Security-Policy', livePageCsp(['ws://127.0.0.1:8765']));
 * ```
 */
export function livePageCsp(connect: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    // Style attributes carry shiki's colours and lessons' styled text; CSS runs no script, and
    // sanitize.ts keeps no `url(` in them.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self'",
    ["connect-src 'self'", ...connect].join(' '),
    "manifest-src 'self'",
    ...WALLS,
    "frame-ancestors 'none'",
  ].join('; ');
}
