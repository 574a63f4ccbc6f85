/**
 * The workshop in a real browser driven by playwright-core. A learner opens
 * the printed URL, opens a notebook, steps through it with Shift+Enter, interrupts an endless
 * loop, restarts the kernel, edits a cell and resets it; solves an exercise (Check failing, then
 * passing; the edited starter kept across a reload until Reset; Show solution only after a
 * Check) and predicts a cell's output; no kernel outlives the server.
 * Screenshots of the notebook view go to test-output/screenshots/ (paths printed).
 * The browser (Chromium, Chrome or Edge) is found and launched by `test-support/browser.ts`:
 * without one these tests are reported as not run, with the command that installs one; with
 * REQUIRE_BROWSER=1 (`.ci/run` sets it) they fail instead.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startWorkshop, type Workshop } from './index.js';
import { browserTest as test, launchChromium, type TestBrowser } from './test-support/chromium.js';
import { scratchCopy, testOutput } from './test-support/fixtures.js';
import { eventually, isAlive, kernelHostChildren } from '@scalable-ts/test-support';

/** A kernel start takes a few seconds, more on a loaded machine. */
const KERNEL_MS = 45_000;

let workshop: Workshop;
let browser: TestBrowser;
let context: BrowserContext;
let page: Page;
let notebookPath: string;
const screenshots = join(testOutput, 'screenshots');

beforeAll(async () => {
  browser = await launchChromium();
  context = browser.context;
  notebookPath = await scratchCopy('workshop-test.ipynb', 'browser');
  workshop = await startWorkshop({
    notebooks: [notebookPath, await scratchCopy('second.ipynb', 'browser'), await scratchCopy('exercises.ipynb', 'browser')],
    lingerMs: 0,
  });
  page = context.pages()[0] ?? (await context.newPage());
  await mkdir(screenshots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await workshop?.close();
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
  expect(titles).toEqual(['Workshop test notebook', 'Second notebook', 'Exercises test notebook']);
  expect(await page.locator('.toc-summary').first().textContent()).toContain('A small notebook');
  expect(await page.locator('.toc-progress').allTextContents()).toEqual(['not started', 'not started', 'not started']);
  const [cookie] = await context.cookies();
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', value: workshop.pageCookie.split('=')[1] });
  expect(await page.evaluate("localStorage.getItem('scalable-ts.workshop.token')")).toBe(workshop.token);
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
  // The count comes with execute_input, before the stream: wait for the output itself.
  await expect.poll(() => cell(1).locator('.outputs').textContent()).toBe('hello from the kernel\n');
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
  // A new kernel, not merely none (between the two, the list is empty).
  await expect.poll(() => workshop.kernels()[0]?.pid ?? before, { timeout: KERNEL_MS }).not.toBe(before);
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

test('Check runs the starter and the checks: they fail with their hints; only then may the solution be shown', async () => {
  await page.goto(`${workshop.origin}/nb/exercises`);
  await kernelState('idle', KERNEL_MS);
  const panel = page.locator('.exercise-panel');
  expect(await cell(4).isHidden()).toBe(true); // the solution
  expect(await panel.locator('.exercise-show-solution').isHidden()).toBe(true);
  await panel.locator('.exercise-check').click();
  await expect.poll(() => panel.locator('.exercise-status').textContent()).toBe('1 of 2 checks pass.');
  expect(await panel.locator('.check-results li').allTextContents()).toEqual(['✘ doubles a numberdouble(21) is 42; yours gave 0', '✔ keeps zero']);
  expect(await panel.locator('.check-results .check-hint').textContent()).toBe('double(21) is 42; yours gave 0');
  expect(await cell(2).locator('.prompt-in').textContent()).toBe('In [1]:'); // the starter ran first
  expect(await panel.locator('.exercise-show-solution').isVisible()).toBe(true);
  expect(await cell(4).isHidden()).toBe(true);
  await screenshot('exercise-failing.png');
});

test('an edited starter passes the checks; the edit survives a reload until Reset; the list counts the exercise solved', async () => {
  await cell(2).locator('.cell-edit').click();
  await cell(2).locator('textarea.cell-editor').fill('function double(n: number): number {\n  return n + n;\n}');
  const panel = page.locator('.exercise-panel');
  await panel.locator('.exercise-check').click();
  await expect.poll(() => panel.locator('.exercise-status').textContent()).toBe('Solved: all 2 checks pass.');
  expect(await panel.locator('.check-results li').allTextContents()).toEqual(['✔ doubles a number', '✔ keeps zero']);
  await screenshot('exercise-solved.png');
  await page.reload();
  await kernelState('idle', KERNEL_MS);
  expect(await cell(2).locator('textarea.cell-editor').inputValue()).toContain('return n + n;');
  expect(await cell(2).getAttribute('class')).toContain('is-edited');
  // Checked before the reload: the solution may be shown at once.
  expect(await page.locator('.exercise-show-solution').isVisible()).toBe(true);
  await cell(2).locator('.cell-reset').click();
  await page.reload();
  await kernelState('idle', KERNEL_MS);
  expect(await cell(2).locator('textarea.cell-editor').count()).toBe(0);
  expect(await cell(2).locator('.source').textContent()).toContain('return 0;');
  await page.click('.site-contents');
  await page.waitForURL(`${workshop.origin}/`);
  expect(await page.locator('.toc-progress[data-notebook="exercises"] .toc-exercises').textContent()).toBe(' · 1 of 1 exercise solved');
});

test('Show solution reveals the reference answer', async () => {
  await page.goto(`${workshop.origin}/nb/exercises`);
  await kernelState('idle', KERNEL_MS);
  await page.locator('.exercise-show-solution').click();
  expect(await cell(4).isVisible()).toBe(true);
  expect(await cell(4).locator('.source').textContent()).toContain('return 2 * n;');
  expect(await page.locator('.exercise-show-solution').isHidden()).toBe(true);
});

test('a predict cell asks for the expected output first, then compares it with what ran', async () => {
  const predict = cell(6);
  expect(await cell(7).isHidden()).toBe(true); // the explanation waits for the run
  await predict.locator('.cell-run').click();
  expect(await predict.locator('.predict-result').textContent()).toBe('Write down what you expect first; then run it again.');
  expect(await predict.locator('.prompt-in').textContent()).not.toBe('In [*]:');
  await predict.locator('.predict-input').fill('sync\nnextTick\npromise\ntimeout');
  await predict.locator('.cell-run').click();
  await expect.poll(() => predict.locator('.predict-result').getAttribute('class')).toContain('is-wrong');
  expect(await predict.locator('.predict-diff tr.differs').count()).toBe(2);
  expect(await cell(7).textContent()).toContain('A tslab cell runs inside a promise callback');
  expect(await cell(7).isVisible()).toBe(true);
  await screenshot('predict-wrong.png');
  // tslab runs a cell inside a promise callback: the promise's callback comes before nextTick's.
  await predict.locator('.predict-input').fill('sync\npromise\nnextTick\ntimeout\n');
  await predict.locator('.cell-run').click();
  await expect.poll(() => predict.locator('.predict-result').getAttribute('class')).toContain('is-right');
  expect(await predict.locator('.predict-result').textContent()).toBe('✔ Just as you predicted.');
});

test('no kernel process is left once the server has stopped', async () => {
  const pids = workshop.kernels().map((kernel) => kernel.pid);
  await context.close();
  await workshop.close();
  expect(workshop.kernels()).toEqual([]);
  await eventually(() => pids.every((pid) => !isAlive(pid)) && kernelHostChildren().length === 0, 5000, 'kernel processes gone');
});
