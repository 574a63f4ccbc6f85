#!/usr/bin/env node
// Renders the notebooks to a static HTML site (one page each, an index, site.css).
//
//   node scripts/build-site.mjs [notebooks…] [--out DIR] [--title TEXT] [--serve] [--port N]
//
// With no notebooks it renders notebooks/*.ipynb sorted by name into site/ (git-ignored).
// Prints one line per page and a summary; exit status 1 when any notebook failed, 2 on bad usage.
// Needs the package built first: npm run build -w @scalable-ts/render
import { readdir } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: build-site.mjs [notebooks…] [--out DIR] [--title TEXT] [--serve] [--port N]';

function fail(message) {
  console.error(`build-site: ${message}\n${USAGE}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o', default: 'site' },
      title: { type: 'string', default: 'Scalable TypeScript' },
      serve: { type: 'boolean', default: false },
      port: { type: 'string', default: '0' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  fail(error.message);
}
const { values: flags, positionals } = parsed;
if (flags.help) {
  console.log(USAGE);
  process.exit(0);
}
const port = Number(flags.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be an integer from 0 to 65535, got ${JSON.stringify(flags.port)}`);

let render;
try {
  render = await import('@scalable-ts/render');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  console.error('build-site: @scalable-ts/render is not built; run: npm run build -w @scalable-ts/render');
  process.exit(2);
}

async function defaultNotebooks() {
  const dir = resolve(ROOT, 'notebooks');
  const names = (await readdir(dir)).filter((name) => name.endsWith('.ipynb')).sort();
  return names.map((name) => resolve(dir, name));
}

const notebooks = positionals.length > 0 ? positionals.map((p) => resolve(p)) : await defaultNotebooks();
const outDir = resolve(flags.out);
const show = (path) => relative(process.cwd(), path) || path;

if (notebooks.length === 0) console.warn('build-site: no notebooks found; writing an empty index');

const { pages, failures, indexPath, ms } = await render.buildSite({ notebooks, outDir, siteTitle: flags.title });

for (const page of pages) console.log(`  ${show(page.htmlPath)}  ${page.title}`);
for (const { error } of failures) console.error(`✗ ${error.code ?? error.name}: ${error.message}`);
console.log(
  `${pages.length} page${pages.length === 1 ? '' : 's'}, ${failures.length} failed, in ${Math.round(ms)} ms → ${show(indexPath)}`,
);
process.exitCode = failures.length > 0 ? 1 : 0;

if (flags.serve) {
  const server = await render.serveSite(outDir, { port });
  console.log(`serving ${show(outDir)} at ${server.url} (Ctrl+C to stop)`);
  const stop = async () => {
    await server.close();
    process.exit();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
