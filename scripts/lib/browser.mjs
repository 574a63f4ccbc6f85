// Finds a Chromium-family browser (Chromium, Chrome, Edge) where people have one, for the browser
// tests (packages/workshop/src/test-support/browser.ts) and for `npm test`'s closing summary
// (scripts/turbo.mjs). Plain Node, no dependencies; types in browser.d.mts.
//
// Order: $CHROMIUM_PATH, $CHROME_PATH (a set one that does not exist is reported, not skipped
// over), then chromium, chromium-browser, google-chrome, google-chrome-stable, microsoft-edge,
// microsoft-edge-stable on PATH, then the standard install folders of macOS and Windows.
import { accessSync, constants, statSync } from 'node:fs';
import { posix, win32 } from 'node:path';

/** The variable that turns "no browser" from "not run" into a failure (`.ci/run` sets it). */
export const REQUIRE_BROWSER_VARIABLE = 'REQUIRE_BROWSER';

export const BROWSER_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'microsoft-edge',
  'microsoft-edge-stable',
];

const MAC_APPS = [
  'Google Chrome.app/Contents/MacOS/Google Chrome',
  'Chromium.app/Contents/MacOS/Chromium',
  'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
];

const WINDOWS_APPS = [
  'Google\\Chrome\\Application\\chrome.exe',
  'Chromium\\Application\\chrome.exe',
  'Microsoft\\Edge\\Application\\msedge.exe',
];

function defaultIsExecutable(path, platform) {
  try {
    if (!statSync(path).isFile()) return false;
    if (platform !== 'win32') accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where the browser tests find a browser.
 *
 * @param {object} [options] - for tests: a fake environment, platform and file system.
 * @param {Record<string, string | undefined>} [options.env]
 * @param {NodeJS.Platform} [options.platform]
 * @param {(path: string) => boolean} [options.isExecutable]
 * @param {string} [options.home]
 * @returns {{ path: string, via: string } | { path: undefined, problem: string }}
 */
export function findBrowser(options = {}) {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const isExecutable = options.isExecutable ?? ((path) => defaultIsExecutable(path, platform));
  const paths = platform === 'win32' ? win32 : posix;

  for (const name of ['CHROMIUM_PATH', 'CHROME_PATH']) {
    const value = env[name];
    if (!value) continue;
    if (isExecutable(value)) return { path: value, via: `$${name}` };
    return { path: undefined, problem: `$${name} is ${value}, which is not an executable file` };
  }

  const dirs = (env['PATH'] ?? env['Path'] ?? '').split(paths.delimiter).filter(Boolean);
  const extensions = platform === 'win32' ? ['.exe'] : [''];
  for (const name of BROWSER_NAMES) {
    for (const dir of dirs) {
      for (const ext of extensions) {
        const candidate = paths.join(dir, name + ext);
        if (isExecutable(candidate)) return { path: candidate, via: `${name} on PATH` };
      }
    }
  }

  const home = options.home ?? env['HOME'];
  const roots =
    platform === 'darwin'
      ? ['/Applications', ...(home ? [paths.join(home, 'Applications')] : [])]
      : platform === 'win32'
        ? [env['PROGRAMFILES'] ?? env['ProgramFiles'], env['PROGRAMFILES(X86)'] ?? env['ProgramFiles(x86)'], env['LOCALAPPDATA']].filter(Boolean)
        : [];
  const apps = platform === 'darwin' ? MAC_APPS : platform === 'win32' ? WINDOWS_APPS : [];
  for (const app of apps) {
    for (const root of roots) {
      const candidate = paths.join(root, app);
      if (isExecutable(candidate)) return { path: candidate, via: 'its standard install folder' };
    }
  }

  return { path: undefined, problem: 'no Chromium, Chrome or Edge found' };
}

/** The one command that installs a browser on this kind of machine. */
export function installCommand(platform = process.platform) {
  if (platform === 'darwin') return 'brew install --cask chromium';
  if (platform === 'win32') return 'winget install --id Google.Chrome';
  return 'sudo apt-get install -y chromium';
}

/** Whether "no browser" is a failure here ($REQUIRE_BROWSER set to anything but "", "0" or "false"). */
export function browserRequired(env = process.env) {
  const value = env[REQUIRE_BROWSER_VARIABLE];
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/** What `npm test` says when the browser tests cannot run: why, and how to make them run. */
export function noBrowserMessage(problem, platform = process.platform) {
  return [
    `Browser tests NOT RUN: ${problem}.`,
    `Install one:  ${installCommand(platform)}`,
    'or point CHROMIUM_PATH at a Chromium, Chrome or Edge. With REQUIRE_BROWSER=1 (as in CI) this is a failure.',
  ].join('\n');
}
