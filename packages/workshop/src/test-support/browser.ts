/**
 * The browser for every browser test file (the workshop's, and any other `*browser*` test): found
 * where people have one (scripts/lib/browser.mjs: $CHROMIUM_PATH, $CHROME_PATH, Chromium, Chrome
 * or Edge on PATH, the macOS and Windows install folders). Without one the tests are reported as
 * skipped with a loud note that says how to install one, and the rest of `npm test` passes;
 * with REQUIRE_BROWSER=1 (`.ci/run` sets it) "no browser" fails instead.
 *
 * @example
 * ```ts
 * import { browserTest as test, launchBrowser, type LaunchedBrowser } from './test-support/browser.js';
 * let browser: LaunchedBrowser | undefined;
 * beforeAll(async () => {
 *   browser = await launchBrowser(); // undefined when the file's tests are skipped
 *   if (!browser) return;
 *   page = browser.context.pages()[0] ?? (await browser.context.newPage());
 * });
 * afterAll(() => browser?.close());
 * test('opens the notebook', async () => { … });
 * ```
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { test } from 'vitest';
import { browserRequired, findBrowser, noBrowserMessage } from '../../../../scripts/lib/browser.mjs';

export { findBrowser, browserRequired, noBrowserMessage } from '../../../../scripts/lib/browser.mjs';

/** What was found: `path` and how (`via`), or `problem`. */
export const browser = findBrowser();
/** Whether a missing browser is a failure (REQUIRE_BROWSER). */
export const required = browserRequired();
/** Whether the browser tests of this run are skipped (no browser, none required). */
export const skipped = browser.path === undefined && !required;

/** Flags that work for a headless Chromium, Chrome or Edge in a container or on a desktop. */
export const BROWSER_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

if (skipped && 'problem' in browser) {
  // Loud, once per file that imports this (vitest prints it under the file's name); `npm test`
  // repeats it after turbo's summary.
  const line = '!'.repeat(78);
  console.warn(`\n${line}\n${noBrowserMessage(browser.problem)}\n${line}\n`);
}

/** `test`, or `test.skip` when no browser is found and none is required. */
export const browserTest = (skipped ? test.skip : test) as typeof test;

/**
 * The browser's executable; throws when there is none (only reached when the tests run, i.e. a
 * browser was found or REQUIRE_BROWSER says it must be).
 */
export function browserExecutable(): string {
  if (browser.path !== undefined) return browser.path;
  throw new Error(`${noBrowserMessage(browser.problem)}\n(REQUIRE_BROWSER is set: a missing browser fails here.)`);
}

/** A launched browser: its context, and `close()` that also removes the profile folder. */
export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * A persistent headless context on a fresh profile folder; undefined when the file's tests are
 * skipped (no browser, none required).
 */
export async function launchBrowser(options: { viewport?: { width: number; height: number } } = {}): Promise<LaunchedBrowser | undefined> {
  if (skipped) return undefined;
  const executablePath = browserExecutable();
  const userDataDir = await mkdtemp(join(tmpdir(), 'workshop-browser-'));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: BROWSER_ARGS,
      viewport: options.viewport ?? { width: 1200, height: 900 },
    });
    return {
      context,
      close: async () => {
        await context.close();
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
