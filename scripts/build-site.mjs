#!/usr/bin/env node
// Renders the notebooks to a static HTML site (one page each, an index, site.css), and serves it.
//
//   node scripts/build-site.mjs [notebooks…] [--out DIR] [--title TEXT] [--execute [--jobs N]] [--serve [--port N]]
//
// With no notebooks it renders notebooks/*.ipynb sorted by name into site/ (git-ignored), as
// committed (`npm test` proves those outputs fresh). --execute runs every notebook headless first
// and renders the fresh outputs, leaving the files as they are. --serve serves the site on
// 127.0.0.1 (on a free port when --port is taken). `npm run site` is `--serve --port 8000`.
// Exit status 1 when a notebook failed to render or run, 2 on bad usage.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { buildSite, serveSite } from '@scalable-ts/render';
import { ROOT, commandLine, displayPath as show, notebookPaths } from './lib/cli.mjs';

const { flags, positionals, fail } = commandLine(
  'build-site',
  'usage: build-site.mjs [notebooks…] [--out DIR] [--title TEXT] [--execute [--jobs N]] [--serve [--port N]]',
  {
    out: { type: 'string', short: 'o', default: resolve(ROOT, 'site') },
    title: { type: 'string', default: 'scalable-ts workshop' },
    execute: { type: 'boolean', default: false },
    jobs: { type: 'string', default: String(availableParallelism()) },
    serve: { type: 'boolean', default: false },
    port: { type: 'string', default: '0' },
  },
);
const port = Number(flags.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be an integer from 0 to 65535, got ${JSON.stringify(flags.port)}`);
const jobs = Number(flags.jobs);
if (!Number.isInteger(jobs) || jobs < 1) fail(`--jobs must be a positive integer, got ${JSON.stringify(flags.jobs)}`);

const notebooks = await notebookPaths(positionals, fail);
if (notebooks.length === 0) console.warn('build-site: no notebooks found; writing an empty index');

let sources = notebooks;
if (flags.execute) {
  const { runNotebooks, succeeded } = await import('@scalable-ts/runner');
  console.log(`Running ${notebooks.length} notebooks, ${jobs} at a time…`);
  const outcomes = await runNotebooks(notebooks, { jobs, check: false });
  for (const outcome of outcomes) {
    const failed = outcome.cells.filter((cell) => cell.status === 'failed').length;
    const why = outcome.error ? `: ${outcome.error.message.split('\n')[0]}` : failed ? `, ${failed} cells failed` : '';
    console.log(`  ${succeeded(outcome) ? 'ok  ' : 'FAIL'} ${show(outcome.path)} (${(outcome.ms / 1000).toFixed(1)} s${why})`);
    if (!succeeded(outcome)) process.exitCode = 1;
  }
  sources = outcomes.map((outcome) => (outcome.notebook ? { path: outcome.path, notebook: outcome.notebook } : outcome.path));
}

const outDir = resolve(flags.out);
const { pages, failures, indexPath, ms } = await buildSite({ notebooks: sources, outDir, siteTitle: flags.title });
for (const page of pages) console.log(`  ${show(page.htmlPath)}  ${page.title}`);
for (const { error } of failures) console.error(`✗ ${error.code ?? error.name}: ${error.message}`);
console.log(`${pages.length} page${pages.length === 1 ? '' : 's'}, ${failures.length} failed, in ${Math.round(ms)} ms → ${show(indexPath)}`);
if (failures.length > 0) process.exitCode = 1;

if (flags.serve) {
  const server = await serveSite(outDir, { port }).catch((error) => {
    if (error?.code !== 'EADDRINUSE') throw error;
    console.warn(`build-site: port ${port} is taken; using a free one`);
    return serveSite(outDir, { port: 0 });
  });
  console.log(`\nServing the workshop at ${server.url}  (Ctrl+C to stop)`);
  const stop = () => server.close().then(() => process.exit());
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
