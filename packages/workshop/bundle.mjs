// Bundles the page scripts with esbuild: client/main.ts (and what it imports) into
// dist/client/workshop.js, and the follower page's client/follow/main.ts into
// dist/client/follow.js (presenter mode); ES modules for current browsers, with source maps.
// Run by `npm run build`.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const started = performance.now();
await build({
  entryPoints: {
    workshop: fileURLToPath(new URL('client/main.ts', import.meta.url)),
    follow: fileURLToPath(new URL('client/follow/main.ts', import.meta.url)),
  },
  outdir: fileURLToPath(new URL('dist/client/', import.meta.url)),
  bundle: true,
  format: 'esm',
  target: ['es2022'],
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
});
console.log(`workshop: page scripts bundled in ${Math.round(performance.now() - started)} ms`);
