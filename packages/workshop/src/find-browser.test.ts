/**
 * Finding a browser where people have one (scripts/lib/browser.mjs), and what the browser tests do
 * without one: skipped with the install command, or failed when REQUIRE_BROWSER says so.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserRequired, findBrowser, installCommand, noBrowserMessage } from '../../../scripts/lib/browser.mjs';

const only = (...paths: string[]) => (path: string) => paths.includes(path);

describe('findBrowser', () => {
  it('takes $CHROMIUM_PATH first, then $CHROME_PATH', () => {
    const isExecutable = only('/opt/a/chrome', '/opt/b/chrome', '/usr/bin/chromium');
    const env = { CHROMIUM_PATH: '/opt/a/chrome', CHROME_PATH: '/opt/b/chrome', PATH: '/usr/bin' };
    expect(findBrowser({ env, platform: 'linux', isExecutable })).toEqual({ path: '/opt/a/chrome', via: '$CHROMIUM_PATH' });
    expect(findBrowser({ env: { ...env, CHROMIUM_PATH: '' }, platform: 'linux', isExecutable })).toEqual({
      path: '/opt/b/chrome',
      via: '$CHROME_PATH',
    });
  });

  it('reports a $CHROMIUM_PATH that is not there instead of quietly using another browser', () => {
    const found = findBrowser({ env: { CHROMIUM_PATH: '/nowhere/chromium', PATH: '/usr/bin' }, platform: 'linux', isExecutable: only('/usr/bin/chromium') });
    expect(found).toEqual({ path: undefined, problem: '$CHROMIUM_PATH is /nowhere/chromium, which is not an executable file' });
  });

  it('looks on PATH for chromium, chromium-browser, google-chrome(-stable) and microsoft-edge, in that order', () => {
    const env = { PATH: '/usr/local/bin:/usr/bin:/snap/bin' };
    expect(findBrowser({ env, platform: 'linux', isExecutable: only('/usr/bin/google-chrome', '/snap/bin/chromium') })).toEqual({
      path: '/snap/bin/chromium',
      via: 'chromium on PATH',
    });
    expect(findBrowser({ env, platform: 'linux', isExecutable: only('/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge') }).path).toBe(
      '/usr/bin/google-chrome-stable',
    );
    expect(findBrowser({ env, platform: 'linux', isExecutable: only('/usr/local/bin/microsoft-edge') }).path).toBe('/usr/local/bin/microsoft-edge');
  });

  it('finds the macOS apps, in /Applications or ~/Applications', () => {
    const env = { PATH: '/usr/bin:/bin' };
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findBrowser({ env, platform: 'darwin', isExecutable: only(chrome) })).toEqual({ path: chrome, via: 'its standard install folder' });
    const edge = '/Users/ada/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    expect(findBrowser({ env, platform: 'darwin', home: '/Users/ada', isExecutable: only(edge) }).path).toBe(edge);
  });

  it('finds chrome.exe and msedge.exe in the Windows program folders, and .exe names on PATH', () => {
    const env = { Path: 'C:\\Windows\\system32;C:\\tools', PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' };
    const edge = 'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findBrowser({ env, platform: 'win32', isExecutable: only(edge) }).path).toBe(edge);
    const own = 'C:\\Users\\ada\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(findBrowser({ env, platform: 'win32', isExecutable: only(own) }).path).toBe(own);
    expect(findBrowser({ env, platform: 'win32', isExecutable: only('C:\\tools\\chromium.exe') }).path).toBe('C:\\tools\\chromium.exe');
  });

  it('says none was found on a machine with nothing, and how to install one', () => {
    expect(findBrowser({ env: { PATH: '/usr/bin' }, platform: 'linux', isExecutable: () => false })).toEqual({
      path: undefined,
      problem: 'no Chromium, Chrome or Edge found',
    });
    expect(installCommand('linux')).toBe('sudo apt-get install -y chromium');
    expect(installCommand('darwin')).toBe('brew install --cask chromium');
    expect(noBrowserMessage('no Chromium, Chrome or Edge found', 'linux')).toMatch(/^Browser tests NOT RUN: .*\nInstall one: {2}sudo apt-get install -y chromium\n/);
  });

  it('takes REQUIRE_BROWSER=1 (or true, yes) as required, and unset, empty, 0 or false as not', () => {
    expect([undefined, '', '0', 'false', 'FALSE'].map((v) => browserRequired({ REQUIRE_BROWSER: v }))).toEqual([false, false, false, false, false]);
    expect(['1', 'true', 'yes'].map((v) => browserRequired({ REQUIRE_BROWSER: v }))).toEqual([true, true, true]);
  });
});

// The real browser suite on a machine with no browser: an empty PATH, no CHROMIUM_PATH.
describe('the browser tests without a browser', () => {
  const packageDir = fileURLToPath(new URL('..', import.meta.url));
  const vitest = join(createRequire(import.meta.url).resolve('vitest/package.json'), '..', 'vitest.mjs');
  let emptyBin: string;
  beforeAll(async () => {
    emptyBin = await mkdtemp(join(tmpdir(), 'no-browser-'));
  });
  afterAll(() => rm(emptyBin, { recursive: true, force: true }));

  const run = (extra: Record<string, string>) => {
    const env: Record<string, string> = { HOME: process.env['HOME'] ?? tmpdir(), PATH: emptyBin, NO_COLOR: '1', ...extra };
    return spawnSync(process.execPath, [vitest, 'run', 'src/browser.test.ts', '--reporter=default'], {
      cwd: packageDir,
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
  };

  it('are reported as not run, with the install command, and pass', () => {
    const result = run({});
    const output = result.stdout + result.stderr;
    expect(output).toContain('Browser tests NOT RUN: no Chromium, Chrome or Edge found.');
    expect(output).toContain('Install one:');
    expect(output).toMatch(/Tests\s+\S*\s*\d+ skipped/);
    expect(result.status, output).toBe(0);
  });

  it('fail with REQUIRE_BROWSER=1', () => {
    const result = run({ REQUIRE_BROWSER: '1' });
    const output = result.stdout + result.stderr;
    expect(output).toContain('REQUIRE_BROWSER is set');
    expect(result.status, output).toBe(1);
  });
});
