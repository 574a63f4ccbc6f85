/**
 * What a notebook imports, for `--watch`: a notebook's run depends on its own file and on the code
 * its cells load, which vitest's module graph cannot see (the kernel loads it, not vitest).
 *
 * How it works: the specifiers of `import … from "x"`, `import("x")`, `require("x")` and
 * `import "x"` in the code cells are read from the source text. A relative one names a file
 * beside the notebook; a bare one whose package resolves outside `node_modules` (a workspace
 * package, symlinked there by npm) stands for that package's built files (`dist/`, what tslab
 * loads), and for its `src/` folder, which the watcher rebuilds. Packages installed from the
 * registry are not watched.
 */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { codeCells, sourceText, type Notebook } from '@scalable-ts/notebook';

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)(['"])([^'"\n]+)\1/gm;
const EXTENSIONS = ['', '.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json'];

/** The module specifiers the code cells name, in order of first use. */
export function importedSpecifiers(notebook: Notebook): string[] {
  const found = new Set<string>();
  for (const { cell } of codeCells(notebook)) for (const match of sourceText(cell).matchAll(SPECIFIER)) found.add(match[2] as string);
  return [...found];
}

/** A workspace package the notebook imports: its folder and the files a run depends on. */
export interface ImportedPackage {
  name: string;
  dir: string;
  /** Its built files (`dist/`), or every file outside `node_modules` when it has no build. */
  files: string[];
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

const packageName = (specifier: string): string => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/** The workspace packages (resolved outside `node_modules`) the notebook at `path` imports. */
export function importedPackages(notebook: Notebook, path: string): ImportedPackage[] {
  const require = createRequire(resolve(path));
  const packages = new Map<string, ImportedPackage>();
  for (const specifier of importedSpecifiers(notebook)) {
    if (specifier.startsWith('.') || specifier.startsWith('node:') || specifier.startsWith('/')) continue;
    const name = packageName(specifier);
    if (packages.has(name)) continue;
    let dir: string;
    try {
      dir = dirname(realpathSync(require.resolve(`${name}/package.json`)));
    } catch {
      continue; // a built-in, or a package that does not resolve (the cell will say so)
    }
    if (dir.split(sep).includes('node_modules')) continue;
    const dist = join(dir, 'dist');
    packages.set(name, { name, dir, files: existsSync(dist) ? filesUnder(dist) : filesUnder(dir) });
  }
  return [...packages.values()];
}

/** Files beside the notebook that its cells import by relative path. */
export function importedFiles(notebook: Notebook, path: string): string[] {
  const files: string[] = [];
  for (const specifier of importedSpecifiers(notebook)) {
    if (!specifier.startsWith('./') && !specifier.startsWith('../')) continue;
    const base = resolve(dirname(path), specifier);
    const file = EXTENSIONS.map((ext) => base + ext).find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
    if (file) files.push(file);
  }
  return [...new Set(files)];
}
