// What the scripts share: reading the command line with a usage line, and finding notebooks.
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { glob } from 'zx';

/** The repository's root folder. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Parses `process.argv` with node:util's parseArgs. Bad usage prints `script: message` and the
 * usage line and exits with status 2; `--help` prints the usage line and exits 0.
 */
export function commandLine(script, usage, options) {
  const fail = (message) => {
    console.error(`${script}: ${message}\n${usage}`);
    process.exit(2);
  };
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, allowNegative: true, options: { ...options, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    fail(error.message);
  }
  if (parsed.values.help) {
    console.log(usage);
    process.exit(0);
  }
  return { flags: parsed.values, positionals: parsed.positionals, fail };
}

/** Notebook paths from paths and globs (default: the workshop's notebooks), absolute, sorted, unique. */
export async function notebookPaths(args, fail) {
  const patterns = args.length > 0 ? args.map((arg) => resolve(arg)) : [resolve(ROOT, 'notebooks/*.ipynb')];
  const files = [];
  for (const pattern of patterns) {
    const matches = /[*?[{]/.test(pattern) ? await glob(pattern.split(sep).join('/'), { absolute: true }) : [pattern];
    if (matches.length === 0 && args.length > 0) fail(`no notebook matches ${pattern}`);
    files.push(...matches.map((match) => resolve(match)));
  }
  const notebooks = [...new Set(files)].sort();
  const other = notebooks.find((file) => !file.endsWith('.ipynb'));
  if (other) fail(`not a notebook (.ipynb): ${other}`);
  return notebooks;
}

/** A path as the user would type it: relative to the working directory when inside it. */
export function displayPath(path) {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}
