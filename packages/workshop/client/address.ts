/**
 * The access token: the printed URL carries it (`?token=…`). The page keeps it in `localStorage`,
 * which only this origin (scheme, host and port) can read, for the WebSocket handshake, and takes
 * it out of the address bar (and so out of history and bookmarks) at once. The server answered
 * the URL with a page cookie that opens pages only; the token itself is never in a cookie, since
 * browsers send cookies to every port of 127.0.0.1.
 */
import { TOKEN_STORAGE_KEY } from '../src/protocol.js';

/** Keeps the token of the address (if any) and strips it from the address bar; returns the kept token. */
export function takeToken(param = 'token'): string | undefined {
  const url = new URL(location.href);
  const fresh = url.searchParams.get(param);
  let storage: Storage | undefined;
  try {
    storage = window.localStorage;
  } catch {
    storage = undefined; // storage disabled: the token lives as long as this page
  }
  if (fresh !== null) {
    try {
      storage?.setItem(TOKEN_STORAGE_KEY, fresh);
    } catch {
      // full or refused: keep it for this page only
    }
    url.searchParams.delete(param);
    history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fresh;
  }
  try {
    return storage?.getItem(TOKEN_STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}
