/**
 * The browser tests' browser, under the names the test files import: found and launched by
 * `browser.ts` (Chromium, Chrome or Edge where people have one). Tests written with `browserTest`
 * are skipped, loudly, without one; with REQUIRE_BROWSER=1 they fail.
 */
import { browserTest, launchBrowser, type LaunchedBrowser } from './browser.js';

export { browserTest };

/** A browser with a profile of its own; `close()` ends it and removes the profile. */
export type TestBrowser = LaunchedBrowser;

/**
 * Launches the browser with a fresh profile. Called from `beforeAll`, which vitest does not run
 * when every test of the file is skipped; reached without a browser only when one is required,
 * it fails saying how to install one.
 */
export async function launchChromium(): Promise<TestBrowser> {
  const launched = await launchBrowser();
  if (!launched) throw new Error('no browser, and none required: write these tests with browserTest, so they are skipped');
  return launched;
}
