#!/usr/bin/env node
// The live workshop: serves the notebooks on 127.0.0.1 and runs their cells in the browser, one
// tslab kernel per open notebook. `npm start` builds the packages and runs this.
//
//   node scripts/workshop.mjs [notebooks…] [--port N] [--host ADDR] [--title TEXT] [--no-open]
//                             [--present [--present-host ADDR] [--present-port P]]
//
// With no notebooks it serves notebooks/*.ipynb sorted by name. It prints one URL, token
// included, and opens it in the default browser when there is a desktop (--no-open: don't).
// --port is 8765 by default, or a free one when that is taken. --host other than 127.0.0.1
// exposes a server that runs code: only on a network you trust. Ctrl+C (or SIGTERM) shuts every
// kernel down. Exit status 2 on bad usage.
// --present (presenter mode) adds a second, read-only listener for the room: it prints the
// follower URL (its own token) and a QR code of it. --present-host is 0.0.0.0 (every interface)
// by default; --present-port is 8766, or a free one when that is taken.
import { spawn } from 'node:child_process';
import { startWorkshop } from '@scalable-ts/workshop';
import { commandLine, notebookPaths } from './lib/cli.mjs';

import { terminalQrCode } from '@scalable-ts/workshop';

const DEFAULT_PORT = 8765;
const DEFAULT_PRESENT_PORT = 8766;
const { flags, positionals, fail } = commandLine(
  'workshop',
  'usage: workshop.mjs [notebooks…] [--port N] [--host ADDR] [--title TEXT] [--no-open] [--present [--present-host ADDR] [--present-port P]]',
  {
    port: { type: 'string', default: String(DEFAULT_PORT) },
    host: { type: 'string', default: '127.0.0.1' },
    title: { type: 'string', default: 'scalable-ts workshop' },
    'no-open': { type: 'boolean', default: false },
    present: { type: 'boolean', default: false },
    'present-host': { type: 'string' },
    'present-port': { type: 'string' },
  },
);
const portFlag = (name, value) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) fail(`--${name} must be an integer from 0 to 65535, got ${JSON.stringify(value)}`);
  return n;
};
const port = portFlag('port', flags.port);
if (!flags.present && (flags['present-host'] !== undefined || flags['present-port'] !== undefined)) fail('--present-host and --present-port go with --present');
const presentPort = portFlag('present-port', flags['present-port'] ?? String(DEFAULT_PRESENT_PORT));
const present = flags.present ? { host: flags['present-host'] ?? '0.0.0.0', port: presentPort } : undefined;

const notebooks = await notebookPaths(positionals, fail);
if (notebooks.length === 0) fail('no notebooks found');

const options = { notebooks, host: flags.host, siteTitle: flags.title };
/** Starts the workshop; a taken default port (the workshop's, then the followers') falls back to a free one. */
async function start(workshopPort, presentOptions) {
  try {
    return await startWorkshop({ ...options, port: workshopPort, ...(presentOptions ? { present: presentOptions } : {}) });
  } catch (error) {
    if (error?.code !== 'EADDRINUSE') throw error;
    if (workshopPort !== 0 && /** the workshop's own port */ error.port === workshopPort) {
      console.warn(`workshop: port ${workshopPort} is taken; using a free one`);
      return start(0, presentOptions);
    }
    if (presentOptions && presentOptions.port !== 0 && error.port === presentOptions.port) {
      console.warn(`workshop: port ${presentOptions.port} (followers) is taken; using a free one`);
      return start(workshopPort, { ...presentOptions, port: 0 });
    }
    throw error;
  }
}
const workshop = await start(port, present);

console.log(`${flags.title}: ${notebooks.length} notebook${notebooks.length === 1 ? '' : 's'}; a notebook's kernel starts when you open it.`);
console.log(`\n    ${workshop.url}\n`);
console.log('Open that address (it carries your access token). Ctrl+C stops the workshop and its kernels.');
if (workshop.present) {
  const { urls } = workshop.present;
  console.log(`\nPresenting: followers open${urls.length > 1 ? ' one of' : ''}\n\n${urls.map((url) => `    ${url}`).join('\n')}\n`);
  console.log(terminalQrCode(urls[0]));
  console.log('Read-only: followers see your notebook, selection and outputs, and can run nothing here.');
  console.log('Your bar shows how many follow. That address carries the follower token, never yours.');
}
if (!flags['no-open']) openBrowser(workshop.url);

let stopping = false;
const stop = async (signal) => {
  if (stopping) process.exit(130); // a second Ctrl+C: kernels die with us anyway
  stopping = true;
  console.log(`\n${signal}: shutting the kernels down…`);
  await workshop.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

/** Opens `url` in the desktop's browser, if there is a desktop; never fails the workshop. */
function openBrowser(url) {
  const desktop = process.platform === 'darwin' || process.platform === 'win32' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
  if (!desktop || process.env.CI) return;
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => {});
  child.unref();
}
