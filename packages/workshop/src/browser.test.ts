/**
 * The workshop in a real browser: Debian's Chromium driven by playwright-core. A learner opens
 * the printed URL, opens a notebook, steps through it with Shift+Enter, interrupts an endless
 * loop, restarts the kernel, edits a cell and resets it; no kernel outlives the server.
 * Screenshots of the notebook view go to test-output/screenshots/ (paths printed).
 *
 * Chromium must be installed (`apt-get install -y chromium`; `.ci/run` does it): without it these
 * tests fail, they never skip.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startWorkshop, type Workshop } from './index.js';
import { scratchCopy, testOutput } from './test-support/fixtures.js';
import { eventually, isAlive, kernelHostChildren } from './test-support/processes.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** A kernel start takes a few seconds, more on a loaded machine. */
const KERNEL_MS = 45_000;

let workshop: Workshop;
let context: BrowserContext;
let page: Page;
let userDataDir: string;
let notebookPath: string;
const screenshots = join(testOutput, 'screenshots');

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: the browser tests need it. Install it with ` +
        '`apt-get install -y chromium` (.ci/run does), or point CHROMIUM_PATH at a Chromium.',
    );
  }
  notebookPath = await scratchCopy('workshop-test.ipynb', 'browser');
  workshop = await startWorkshop({ notebooks: [notebookPath, await scratchCopy('second.ipynb', 'browser')], lingerMs: 0 });
  userDataDir = await mkdtemp(join(tmpdir(), 'workshop-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1200, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  await mkdir(screenshots, { recursive: true });
});

afterAll(async () => {
  await context?.close();
  await workshop?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

const cell = (index: number) => page.locator(`.cell[data-cell-index="${index}"]`);

/** Waits for the bar to show the kernel in `state`; a dead kernel fails at once, with its reason. */
async function kernelState(state: string, timeout = 10_000): Promise<void> {
  await expect
    .poll(
      async () => {
        const [shown, why] = await Promise.all([page.locator('.kernel-state').getAttribute('data-state'), page.locator('.notice').textContent()]);
        if (shown === 'dead' && state !== 'dead') throw new Error(`the kernel is dead: ${why}`);
        return shown;
      },
      { timeout },
    )
    .toBe(state);
}

/** Saves a screenshot (the whole page, or what the window shows) and prints its path. */
async function screenshot(name: string, fullPage = true): Promise<void> {
  const path = join(screenshots, name);
  await page.screenshot({ path, fullPage });
  console.info(`screenshot: ${path}`);
}

test('the printed URL opens the list; the token leaves the address bar for localStorage, the cookie holds the page key', async () => {
  await page.goto(workshop.url);
  await expect.poll(() => page.url()).toBe(`${workshop.origin}/`);
  const titles = await page.locator('a.toc-title').allTextContents();
  expect(titles).toEqual(['Workshop test notebook', 'Second notebook']);
  expect(await page.locator('.toc-summary').first().textContent()).toContain('A small notebook');
  expect(await page.locator('.toc-progress').allTextContents()).toEqual(['not started', 'not started']);
  const [cookie] = await context.cookies();
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', value: workshop.pageCookie.split('=')[1] });
  expect(await page.evaluate(() => localStorage.getItem('scalable-ts.workshop.token'))).toBe(workshop.token);
  expect(workshop.kernelsStarted).toBe(0);
});

test('opening a notebook shows it as the static site does and starts its kernel', async () => {
  await page.click('text=Workshop test notebook');
  await page.waitForURL(`${workshop.origin}/nb/workshop-test`);
  await kernelState('idle', KERNEL_MS);
  expect(await page.locator('article.notebook h1').textContent()).toContain('Workshop test notebook');
  expect(await cell(1).locator('.source pre.shiki').count()).toBe(1);
  expect(await cell(1).locator('.outputs').textContent()).toContain('hello from the kernel'); // committed output
  expect(workshop.kernels()).toHaveLength(1);
});

test('Shift+Enter runs the selected cell and moves on; outputs stream in', async () => {
  await cell(1).click();
  await page.keyboard.press('Shift+Enter');
  await expect.poll(() => cell(1).locator('.prompt-in').textContent()).toBe('In [1]:');
  expect(await cell(1).locator('.outputs').textContent()).toBe('hello from the kernel\n');
  expect(await cell(2).getAttribute('class')).toContain('is-selected');
  await page.keyboard.press('Shift+Enter'); // a markdown cell: just move on
  expect(await cell(3).getAttribute('class')).toContain('is-selected');
  await page.keyboard.press('Shift+Enter');
  await expect.poll(() => cell(3).getAttribute('class')).toContain('was-run'); // finished without error
  expect(await cell(3).locator('.outputs').textContent()).toContain('progress 3/3');
  expect(await cell(3).locator('.output-stderr').textContent()).toContain('a warning on stderr');
  expect(await cell(3).locator('.output-image img').count()).toBe(1);
  await screenshot('notebook-stepped.png');
});

test('an endless loop shows as running, and Interrupt stops it', async () => {
  await cell(5).locator('.cell-run').click();
  await kernelState('busy');
  await expect.poll(() => page.locator('.running-cell').textContent()).toBe('Running code cell 3: let spins = 0;');
  expect(await cell(5).getAttribute('class')).toContain('is-running');
  expect(await cell(5).locator('.prompt-in').textContent()).toBe('In [*]:');
  await cell(5).scrollIntoViewIfNeeded();
  await screenshot('notebook-running.png', false); // the window: the kernel bar stays on top
  await page.click('.workshop-bar .interrupt');
  await expect.poll(() => cell(5).getAttribute('class')).toContain('has-error');
  expect(await cell(5).locator('.outputs').textContent()).toContain('interrupted');
  await kernelState('idle');
  expect(await page.locator('.running-cell').isHidden()).toBe(true);
});

test('Restart gives a fresh kernel: earlier variables are gone until Run to here', async () => {
  const before = workshop.kernels()[0]?.pid;
  await page.click('.workshop-bar .restart');
  await expect.poll(() => workshop.kernels()[0]?.pid, { timeout: KERNEL_MS }).not.toBe(before);
  await kernelState('idle', KERNEL_MS);
  expect(isAlive(before)).toBe(false);
  await cell(6).locator('.cell-run').click();
  await expect.poll(() => cell(6).locator('.outputs').textContent()).toContain("Cannot find name 'greeting'");
  // Cells 1, 3 and 6: the endless loop is tagged skip-execution (had it run, cell 6 never would).
  await cell(6).locator('.cell-run-to-here').click();
  await expect.poll(() => cell(6).locator('.outputs').textContent()).toBe('string\n');
});

test('a cell can be edited and run, and Reset brings the notebook’s code back; nothing is written', async () => {
  const onDisk = await readFile(notebookPath, 'utf8');
  await cell(1).locator('.cell-edit').click();
  const editor = cell(1).locator('textarea.cell-editor');
  await editor.fill("console.log('edited in the browser')");
  expect(await cell(1).getAttribute('class')).toContain('is-edited');
  expect(await page.locator('.workshop-bar .save').textContent()).toBe('Save 1 edit');
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => cell(1).locator('.outputs').textContent()).toBe('edited in the browser\n');
  await screenshot('notebook-edited.png');
  await cell(1).locator('.cell-reset').click();
  expect(await editor.count()).toBe(0);
  expect(await cell(1).getAttribute('class')).not.toContain('is-edited');
  expect(await cell(1).locator('.source pre.shiki').isVisible()).toBe(true);
  expect(await cell(1).locator('.source').textContent()).toContain("const greeting: string = 'hello';");
  expect(await page.locator('.workshop-bar .save').textContent()).toBe('Save');
  expect(await readFile(notebookPath, 'utf8')).toBe(onDisk);
});

test('Clear outputs empties them; the list then shows the progress kept in the browser', async () => {
  await page.click('.workshop-bar .clear');
  await expect.poll(() => page.locator('.code-cell .outputs').allTextContents()).toEqual(['', '', '', '']);
  await page.click('.site-contents');
  await page.waitForURL(`${workshop.origin}/`);
  // Cells 1, 3 and 6 ran; the loop never finished.
  expect(await page.locator('.toc-progress').first().textContent()).toBe(' 3 of 4 cells run');
  expect(await page.locator('.toc-progress progress').first().getAttribute('value')).toBe('3');
  await screenshot('list.png');
});

test('no kernel process is left once the server has stopped', async () => {
  const pids = workshop.kernels().map((kernel) => kernel.pid);
  await context.close();
  await workshop.close();
  expect(workshop.kernels()).toEqual([]);
  await eventually(() => pids.every((pid) => !isAlive(pid)) && kernelHostChildren().length === 0, 5000, 'kernel processes gone');
});
