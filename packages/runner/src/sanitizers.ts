/**
 * Where a run's output sanitizers come from, applied in this order:
 *
 * 1. built in: the project's absolute path becomes `<root>` and stack frames collapse to one
 *    `at …` line, since both differ between machines and Node versions;
 * 2. the project's file (`--sanitize-with FILE`: our JSON list, or nbval's `[section]` file);
 * 3. the notebook's own, in its metadata `scalable_ts.sanitize`.
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseNbvalSanitizeFile, parseSanitizeConfig, type Notebook, type Sanitizer } from '@scalable-ts/notebook';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The sanitizers every run applies, for a project rooted at `root`. */
export function builtInSanitizers(root: string): Sanitizer[] {
  return [
    { regex: new RegExp(escapeRegExp(root), 'g'), replace: '<root>' },
    { regex: /(?:\r?\n[ \t]+at [^\n]*)+/g, replace: '\n    at …' },
  ];
}

/** Reads a project sanitizer file: `.json` in our format, anything else in nbval's. */
export async function loadSanitizeFile(path: string): Promise<Sanitizer[]> {
  const text = await readFile(path, 'utf8');
  return path.endsWith('.json') ? parseSanitizeConfig(JSON.parse(text) as unknown, path) : parseNbvalSanitizeFile(text, path);
}

/** The sanitizers a notebook declares in its metadata (`scalable_ts.sanitize`). */
export function notebookSanitizers(notebook: Notebook, path: string): Sanitizer[] {
  const own = (notebook.metadata as { scalable_ts?: { sanitize?: unknown } }).scalable_ts?.sanitize;
  return own === undefined ? [] : parseSanitizeConfig(own, `${path} metadata scalable_ts.sanitize`);
}

/** The nearest folder at or above `dir` that holds a lockfile or `.git`: the project's root. */
export function findProjectRoot(dir: string): string {
  for (let at = dir; ; at = dirname(at)) {
    if (['package-lock.json', '.git'].some((marker) => existsSync(join(at, marker)))) return at;
    if (dirname(at) === at) return dir;
  }
}
