/**
 * Presenter mode in two real browsers (found by test-support/browser.ts): the instructor's, on
 * the workshop, and a learner's laptop, which follows on the follower listener and has a
 * workshop of its own. The follower page is opened at `localhost` while the learner's workshop
 * is at `127.0.0.1`: two sites, as the presenter's room address and the learner's loopback are,
 * so the catch-up link crosses sites and the learner's `SameSite=Strict` cookie is not sent with
 * it (the case the landing page exists for).
 *
 * What must hold: the follower sees the selection move (scrolled into view while following, not
 * while the learner stopped following) and an output stream in; a `run` forged in the follower's
 * page is refused and nothing runs; "Run to here in my workshop" opens the learner's own
 * workshop at that cell, which asks first and then runs the code cells above it there.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startWorkshop, type Presenting, type Workshop } from '../index.js';
import { browserTest as test, launchBrowser, type LaunchedBrowser } from '../test-support/browser.js';
import { scratchCopy, testOutput } from '../test-support/fixtures.js';

// The page's globals the callbacks below use when they run in the browser (this tsconfig has no DOM).
declare const window: { readonly innerHeight: number; readonly scrollY: number };
declare const location: { readonly host: string };

/** A kernel start takes a few seconds, more on a loaded machine. */
const KERNEL_MS = 45_000;

let instructorWorkshop: Workshop;
let present: Presenting;
let learnerWorkshop: Workshop;
let instructorBrowser: LaunchedBrowser | undefined;
let learnerBrowser: LaunchedBrowser | undefined;
let instructor: Page;
let follower: Page;
let instructorNotebook: string;

beforeAll(async () => {
  instructorNotebook = await scratchCopy('present.ipynb', 'present-browser/instructor');
  const learnerNotebook = await scratchCopy('present.ipynb', 'present-browser/learner');
  for (const path of [instructorNotebook, learnerNotebook]) {
    for (const left of ['present-go.txt', 'forged.txt']) await rm(join(dirname(path), left), { force: true });
  }
  instructorWorkshop = await startWorkshop({ notebooks: [instructorNotebook, await scratchCopy('second.ipynb', 'present-browser/instructor')], lingerMs: 0, present: {} });
  present = instructorWorkshop.present as Presenting;
  learnerWorkshop = await startWorkshop({ notebooks: [learnerNotebook], lingerMs: 0 });
  instructorBrowser = await launchBrowser();
  learnerBrowser = await launchBrowser({ viewport: { width: 1000, height: 420 } }); // short: selection must scroll
  if (!instructorBrowser || !learnerBrowser) return;
  instructor = instructorBrowser.context.pages()[0] ?? (await instructorBrowser.context.newPage());
  follower = learnerBrowser.context.pages()[0] ?? (await learnerBrowser.context.newPage());
});

afterAll(async () => {
  await instructorBrowser?.close();
  await learnerBrowser?.close();
  await instructorWorkshop?.close();
  await learnerWorkshop?.close();
});

const screenshots = join(testOutput, 'screenshots');

/** Saves what the window shows and prints the path. */
async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshots, { recursive: true });
  const path = join(screenshots, name);
  await page.screenshot({ path });
  console.info(`screenshot: ${path}`);
}

const cellOf = (page: Page, index: number): Locator => page.locator(`.cell[data-cell-index="${index}"]`);

/** Whether the element is wholly inside the window. */
const inView = (locator: Locator): Promise<boolean> =>
  locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });

/** Waits for a workshop page's kernel to be `state`; a dead kernel fails at once, with its reason. */
async function kernelState(page: Page, state: string, timeout = KERNEL_MS): Promise<void> {
  await expect
    .poll(
      async () => {
        const [shown, why] = await Promise.all([page.locator('.kernel-state').getAttribute('data-state'), page.locator('.notice').first().textContent()]);
        if (shown === 'dead' && state !== 'dead') throw new Error(`the kernel is dead: ${why}`);
        return shown;
      },
      { timeout },
    )
    .toBe(state);
}

test('the follower page goes to the instructor’s notebook and follows the selection, scrolled into view', async () => {
  await instructor.goto(instructorWorkshop.url);
  await instructor.click('text=Presenter test notebook');
  await instructor.waitForURL(`${instructorWorkshop.origin}/nb/present`);
  await kernelState(instructor, 'idle');

  await follower.goto(present.url.replace('127.0.0.1', 'localhost'));
  await follower.waitForURL(`http://localhost:${present.port}/nb/present`); // from the list to the instructor's notebook
  await expect.poll(() => follower.locator('.follow-state').getAttribute('data-state')).toBe('following');
  await expect.poll(() => instructor.locator('.presenting').textContent()).toBe('Presenting · 1 following');
  expect(await instructor.locator('.presenting').getAttribute('href')).toBe(present.url);
  // The token left the address bar, and the follower's storage holds the follower token only.
  expect(follower.url()).not.toContain('token');
  expect(await follower.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(instructorWorkshop.token);

  await cellOf(instructor, 7).click();
  await expect.poll(() => cellOf(follower, 7).getAttribute('class')).toContain('is-selected');
  expect(await inView(cellOf(follower, 7))).toBe(true);
  expect(await follower.locator('.cell.is-selected').count()).toBe(1);
  await instructor.keyboard.press('k'); // the markdown cell above
  await expect.poll(() => cellOf(follower, 6).getAttribute('class')).toContain('is-selected');
});

test('an output streams in on the follower page as the instructor runs the cell', async () => {
  await cellOf(instructor, 7).locator('.cell-run').click();
  const outputs = cellOf(follower, 7).locator('.outputs');
  await expect.poll(() => outputs.textContent()).toContain('tick 1: waiting for present-go.txt');
  expect(await cellOf(follower, 7).getAttribute('class')).toContain('is-running');
  await screenshot(follower, 'follower-streaming.png');
  expect(await follower.locator('.follow-kernel').textContent()).toBe('Instructor’s kernel: busy');
  await writeFile(join(dirname(instructorNotebook), 'present-go.txt'), 'go');
  await expect.poll(() => outputs.textContent()).toContain('tick 2: going on');
  await expect.poll(() => cellOf(follower, 7).getAttribute('class')).not.toContain('is-running');
  expect(await cellOf(follower, 7).locator('.prompt-in').textContent()).toBe('In [1]:');
  // Drawn from the same HTML as the instructor's page: the same markup, output for output.
  expect(await cellOf(follower, 7).locator('.outputs').innerHTML()).toBe(await cellOf(instructor, 7).locator('.outputs').innerHTML());
});

test('stopping following lets the learner stay put; following again goes back to the instructor’s cell', async () => {
  await follower.click('.follow-toggle');
  await expect.poll(() => follower.locator('.follow-state').getAttribute('data-state')).toBe('paused');
  const scrolled = await follower.evaluate(() => window.scrollY);
  await cellOf(instructor, 1).click();
  await expect.poll(() => cellOf(follower, 1).getAttribute('class')).toContain('is-selected'); // still shown
  expect(await follower.evaluate(() => window.scrollY)).toBe(scrolled); // but the page did not move
  expect(await inView(cellOf(follower, 1))).toBe(false);
  await follower.click('.follow-toggle');
  await expect.poll(() => follower.locator('.follow-state').getAttribute('data-state')).toBe('following');
  await expect.poll(() => inView(cellOf(follower, 1))).toBe(true);
});

test('a run forged in the follower’s page is refused: its socket is closed and nothing runs', async () => {
  const marker = join(dirname(instructorNotebook), 'forged.txt');
  const code = await follower.evaluate(async (source) => {
    const token = localStorage.getItem('scalable-ts.workshop.token') ?? '';
    const socket = new WebSocket(`ws://${location.host}/follow`, ['scalable-ts.follow.v1', `scalable-ts.workshop.token.${token}`]);
    await new Promise((resolve) => socket.addEventListener('open', resolve));
    socket.send(JSON.stringify({ type: 'run', mode: 'cell', cells: [{ index: 1, source }] }));
    return new Promise<number>((resolve) => socket.addEventListener('close', (event) => resolve(event.code)));
  }, `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'forged')`);
  expect(code).toBe(1008);
  expect(present.refusedMessages).toBe(1);
  // The instructor's next run comes after anything the kernel was sent: the marker is still not there.
  await cellOf(instructor, 1).locator('.cell-run').click();
  await expect.poll(() => cellOf(instructor, 1).locator('.prompt-in').textContent()).toBe('In [2]:');
  expect(existsSync(marker)).toBe(false);
  // The follower page's own socket is untouched and still follows.
  await expect.poll(() => cellOf(follower, 1).locator('.prompt-in').textContent()).toBe('In [2]:');
  expect(await follower.locator('.follow-state').getAttribute('data-state')).toBe('following');
});

test('“Run to here in my workshop” opens the learner’s own workshop at that cell, which asks, then runs the cells above', async () => {
  if (!learnerBrowser) throw new Error('no browser');
  // The learner opened their own workshop's printed URL on this laptop earlier.
  const own = await learnerBrowser.context.newPage();
  await own.goto(learnerWorkshop.url);
  await own.close();

  await follower.fill('.my-workshop', learnerWorkshop.origin);
  await follower.press('.my-workshop', 'Enter');
  await follower.locator('body').click({ position: { x: 2, y: 2 } }); // leave the field: `change`
  const link = cellOf(follower, 5).locator('.catch-up-link');
  expect(await link.getAttribute('href')).toBe(`${learnerWorkshop.origin}/catch-up?notebook=present&cell=5`);
  const [learner] = await Promise.all([learnerBrowser.context.waitForEvent('page'), link.click()]);
  await learner.waitForURL(`${learnerWorkshop.origin}/nb/present`); // via the landing page; the request left the address bar
  const offer = learner.locator('.catch-up-offer');
  await expect.poll(() => offer.textContent()).toContain('run the 2 code cells above it here');
  await expect.poll(() => cellOf(learner, 5).getAttribute('class')).toContain('is-selected');
  await kernelState(learner, 'idle');
  expect(await inView(offer)).toBe(true);
  await screenshot(learner, 'catch-up-offer.png');
  // Nothing ran before the learner said so.
  for (const index of [1, 3, 5]) expect(await cellOf(learner, index).locator('.prompt-in').textContent()).toBe('In [ ]:');
  expect(existsSync(join(dirname(instructorNotebook), '..', 'learner', 'forged.txt'))).toBe(false);

  await offer.locator('.catch-up-run').click();
  await expect.poll(() => cellOf(learner, 3).locator('.prompt-in').textContent()).toBe('In [2]:');
  expect(await cellOf(learner, 1).locator('.prompt-in').textContent()).toBe('In [1]:');
  expect(await cellOf(learner, 3).locator('.outputs').textContent()).toContain('answer 42');
  expect(await cellOf(learner, 5).locator('.prompt-in').textContent()).toBe('In [ ]:'); // the learner runs it
  expect(await offer.count()).toBe(0);
  expect(learnerWorkshop.kernelsStarted).toBe(1);
  expect(instructorWorkshop.kernelsStarted).toBe(1);
  await learner.close();
});
