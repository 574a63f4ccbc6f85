/**
 * "Run to here in my workshop": how a follower page hands a learner over to their own workshop,
 * and why that hand-over can never run code by itself.
 *
 * How it works: the follower page links to `http://127.0.0.1:<port>/catch-up?notebook=<name>&cell=<index>`
 * on the learner's machine. Browsers do not send a `SameSite=Strict` cookie with a navigation
 * that comes from another site (the presenter's address), so that first request carries no
 * credential: this landing page is the one page a workshop serves without one (after the same
 * `Host` and `Origin` checks). It is fixed text and the workshop's script, nothing of any
 * notebook. The script, now running on the learner's own origin, moves on to
 * `/nb/<name>?catch-up=<index>`: a same-site navigation, so the page cookie goes with it. That
 * notebook page selects the cell, scrolls to it, and asks: "Run the N code cells above it?".
 * Only the learner's click on that question, in their own workshop's page, runs anything, and
 * what it runs is the learner's own copy of the notebook: the link carries a notebook name and
 * a cell index, never code. A page of another site cannot click for the learner (the workshop
 * refuses to be framed: `frame-ancestors 'none'`, `X-Frame-Options: DENY`) nor open the
 * workshop's socket (it has no token). Without the page cookie (the browser was restarted since
 * the printed URL was opened) the script cannot load, and the text says what to do.
 */
import { PAGE_ASSETS } from '../assets.js';

/** The landing page, the same for every request (nothing of the request is echoed). */
export function catchUpPage(): string {
  const styles = [PAGE_ASSETS.siteStylesheet, ...PAGE_ASSETS.stylesheets].map((href) => `<link rel="stylesheet" href="${href}">`).join('\n');
  const scripts = PAGE_ASSETS.scripts.map((src) => `<script type="module" src="${src}"></script>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Catching up</title>
${styles}
${scripts}
</head>
<body class="catch-up-page">
<main class="catch-up-landing">
<h1>Catching up in your workshop</h1>
<p class="catch-up-waiting">Opening the notebook at the presenter's cell…</p>
<p>If nothing happens, this browser has not opened your workshop since it started: open the
address your <code>npm start</code> printed (it ends in <code>?token=…</code>), then click
“Run to here in my workshop” again.</p>
</main>
</body>
</html>
`;
}
