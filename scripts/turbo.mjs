#!/usr/bin/env node
// `turbo` with what decides a test's result that turbo cannot see for itself, so its cache never
// serves a result computed under another Node or with another browser (turbo.json lists these
// variables in the test task's `env`, part of its hash):
//   SCALABLE_TS_NODE     the Node version running this (`process.version`)
//   SCALABLE_TS_BROWSER  the browser the browser tests would use ('' when there is none)
// Then, after turbo's own summary, it says loudly when the browser tests were not run.
//
//   node scripts/turbo.mjs run test --continue     (what `npm test` runs)
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { browserRequired, findBrowser, noBrowserMessage } from './lib/browser.mjs';

const args = process.argv.slice(2);
const browser = findBrowser();
const env = { ...process.env, SCALABLE_TS_NODE: process.version, SCALABLE_TS_BROWSER: browser.path ?? '' };
const turbo = createRequire(import.meta.url).resolve('turbo/bin/turbo');
const result = spawnSync(process.execPath, [turbo, ...args], { stdio: 'inherit', env });
if (result.error) throw result.error;

if (args.includes('test') && browser.path === undefined) {
  const line = '!'.repeat(78);
  const verdict = browserRequired()
    ? 'REQUIRE_BROWSER is set, so the browser tests FAILED (see above).'
    : 'Everything else ran; the browser tests are the only ones skipped.';
  console.error(`\n${line}\n${noBrowserMessage(browser.problem)}\n${verdict}\n${line}`);
} else if (args.includes('test')) {
  console.error(`\nBrowser tests used ${browser.path} (${browser.via}); Node ${process.version}.`);
}
process.exit(result.status ?? 1);
