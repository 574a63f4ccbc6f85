// Bundles the page script (client/main.ts and what it imports) into dist/client/workshop.js
// with esbuild: one ES module for current browsers, with a source map. Run by `npm run build`.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const started = performance.now();
await build({
  entryPoints: [fileURLToPath(new URL('client/main.ts', import.meta.url))],
  outfile: fileURLToPath(new URL('dist/client/workshop.js', import.meta.url)),
  bundle: true,
  format: 'esm',
  target: ['es2022'],
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
});
console.log(`workshop: page script bundled in ${Math.round(performance.now() - started)} ms`);
