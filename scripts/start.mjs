#!/usr/bin/env node
// The workshop site: renders the notebooks into site/ and serves it on 127.0.0.1.
//
//   node scripts/start.mjs [--execute] [--jobs N] [--port P] [--host H] [--no-serve] [notebooks…]
//
// By default the notebooks are rendered as committed (`npm test` proves those outputs fresh);
// --execute runs every notebook headless first and renders the fresh outputs.
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { glob } from 'zx';
import { buildSite, serveSite } from '@scalable-ts/render';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    execute: { type: 'boolean', default: false },
    jobs: { type: 'string' },
    port: { type: 'string', default: process.env.PORT ?? '8000' },
    host: { type: 'string', default: '127.0.0.1' },
    serve: { type: 'boolean', default: true },
    'no-serve': { type: 'boolean', default: false },
    out: { type: 'string', default: resolve(ROOT, 'site') },
  },
});

const notebooks = positionals.length > 0 ? positionals.map((p) => resolve(p)) : (await glob('notebooks/*.ipynb', { cwd: ROOT, absolute: true })).sort();
let sources = notebooks;
if (flags.execute) {
  const { runNotebooks, succeeded } = await import('@scalable-ts/runner');
  const jobs = Number(flags.jobs ?? availableParallelism());
  console.log(`Running ${notebooks.length} notebooks (${jobs} at a time)…`);
  const outcomes = await runNotebooks(notebooks, { jobs, check: false });
  for (const outcome of outcomes) {
    const failed = outcome.cells.filter((cell) => cell.status === 'failed').length;
    console.log(`  ${succeeded(outcome) ? 'ok  ' : 'FAIL'} ${outcome.path} (${(outcome.ms / 1000).toFixed(1)} s${failed ? `, ${failed} failed cells` : ''}${outcome.error ? `: ${outcome.error.message.split('\n')[0]}` : ''})`);
  }
  sources = outcomes.map((outcome) => (outcome.notebook ? { path: outcome.path, notebook: outcome.notebook } : outcome.path));
}

const site = await buildSite({ notebooks: sources, outDir: flags.out, siteTitle: 'scalable-ts workshop' });
for (const failure of site.failures) console.error(`start: ${failure.error.message}`);
console.log(`Rendered ${site.pages.length} notebooks into ${flags.out} in ${Math.round(site.ms)} ms`);
if (site.failures.length > 0) process.exitCode = 1;
if (!flags.serve || flags['no-serve']) process.exit();

const port = Number(flags.port);
let server;
try {
  server = await serveSite(flags.out, { host: flags.host, port });
} catch (error) {
  if (error.code !== 'EADDRINUSE') throw error;
  server = await serveSite(flags.out, { host: flags.host, port: 0 });
}
console.log(`\nServing the workshop at ${server.url}  (Ctrl-C to stop)`);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close().then(() => process.exit(0)));
