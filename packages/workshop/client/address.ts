/**
 * The printed URL carries the access token (`?token=…`); the server answered it with a cookie, so
 * the token is taken out of the address bar (and so out of history and bookmarks) at once.
 */
export function stripTokenFromAddress(param = 'token'): void {
  const url = new URL(location.href);
  if (!url.searchParams.has(param)) return;
  url.searchParams.delete(param);
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
}
