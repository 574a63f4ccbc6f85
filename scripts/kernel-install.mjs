#!/usr/bin/env node
// Registers this checkout's tslab as Jupyter kernels (`tslab` for TypeScript, `jslab` for
// JavaScript) for the current user, so `jupyter notebook notebooks/` or VS Code opens the
// notebooks with the right kernel. No Python is needed to register; Jupyter is needed to use them.
//
//   node scripts/kernel-install.mjs [--prefix DIR]   (DIR/share/jupyter/kernels, like `jupyter kernelspec install --prefix`)
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TSLAB = join(ROOT, 'node_modules', 'tslab', 'bin', 'tslab');
const { values } = parseArgs({ options: { prefix: { type: 'string' } } });

/** Jupyter's per-user data folder, as `jupyter --data-dir` reports it. */
function userDataDir() {
  if (process.env.JUPYTER_DATA_DIR) return process.env.JUPYTER_DATA_DIR;
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'jupyter');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Jupyter');
  return join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'jupyter');
}

const kernelsDir = values.prefix ? join(resolve(values.prefix), 'share', 'jupyter', 'kernels') : join(userDataDir(), 'kernels');
const specs = [
  { name: 'tslab', display_name: 'TypeScript', language: 'typescript', extra: [] },
  { name: 'jslab', display_name: 'JavaScript', language: 'javascript', extra: ['--js'] },
];
for (const spec of specs) {
  const dir = join(kernelsDir, spec.name);
  await mkdir(dir, { recursive: true });
  const kernelJson = {
    // Web Storage off, as the workshop's and the runner's kernels have it (packages/kernel/src/process.ts).
    argv: [process.execPath, '--no-experimental-webstorage', TSLAB, 'kernel', '--config-path', '{connection_file}', ...spec.extra],
    display_name: spec.display_name,
    language: spec.language,
    metadata: { scalable_ts: { checkout: ROOT } },
  };
  const target = join(dir, 'kernel.json');
  await writeFile(`${target}.tmp`, `${JSON.stringify(kernelJson, null, 1)}\n`);
  await rename(`${target}.tmp`, target);
  console.log(`Installed kernel "${spec.name}" (${spec.display_name}) in ${dir}`);
}
console.log(`Both start ${TSLAB} with ${process.execPath}.\nCheck with: jupyter kernelspec list`);
