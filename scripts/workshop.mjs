#!/usr/bin/env node
// The live workshop: serves the notebooks on 127.0.0.1 and runs their cells in the browser, one
// tslab kernel per open notebook. `npm start` builds the packages and runs this.
//
//   node scripts/workshop.mjs [notebooks…] [--port N] [--host ADDR] [--title TEXT] [--no-open]
//
// With no notebooks it serves notebooks/*.ipynb sorted by name. It prints one URL, token
// included, and opens it in the default browser when there is a desktop (--no-open: don't).
// --port is 8765 by default, or a free one when that is taken. --host other than 127.0.0.1
// exposes a server that runs code: only on a network you trust. Ctrl+C (or SIGTERM) shuts every
// kernel down. Exit status 2 on bad usage.
import { spawn } from 'node:child_process';
import { startWorkshop } from '@scalable-ts/workshop';
import { commandLine, notebookPaths } from './lib/cli.mjs';

const DEFAULT_PORT = 8765;
const { flags, positionals, fail } = commandLine(
  'workshop',
  'usage: workshop.mjs [notebooks…] [--port N] [--host ADDR] [--title TEXT] [--no-open]',
  {
    port: { type: 'string', default: String(DEFAULT_PORT) },
    host: { type: 'string', default: '127.0.0.1' },
    title: { type: 'string', default: 'scalable-ts workshop' },
    'no-open': { type: 'boolean', default: false },
  },
);
const port = Number(flags.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be an integer from 0 to 65535, got ${JSON.stringify(flags.port)}`);

const notebooks = await notebookPaths(positionals, fail);
if (notebooks.length === 0) fail('no notebooks found');

const options = { notebooks, host: flags.host, siteTitle: flags.title };
const workshop = await startWorkshop({ ...options, port }).catch((error) => {
  if (error?.code !== 'EADDRINUSE' || port === 0) throw error;
  console.warn(`workshop: port ${port} is taken; using a free one`);
  return startWorkshop({ ...options, port: 0 });
});

console.log(`${flags.title}: ${notebooks.length} notebook${notebooks.length === 1 ? '' : 's'}; a notebook's kernel starts when you open it.`);
console.log(`\n    ${workshop.url}\n`);
console.log('Open that address (it carries your access token). Ctrl+C stops the workshop and its kernels.');
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
