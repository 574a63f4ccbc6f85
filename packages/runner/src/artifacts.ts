/**
 * CI artefacts of a failing notebook (`--artifacts DIR`): the executed notebook, with the fresh
 * outputs in place of the committed ones, and a readable report of each failing cell (its source,
 * what went wrong, and the diff of committed against fresh outputs). A CI job uploads DIR.
 *
 * Files go to DIR under the notebook's path relative to the project root (so two folders' `01.ipynb`
 * never collide): `DIR/notebooks/01-x.ipynb` and `DIR/notebooks/01-x.failures.txt`. Both are
 * written atomically.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { writeNotebook, type Notebook } from '@scalable-ts/notebook';
import { findProjectRoot } from './sanitizers.js';

/** One failure of a notebook, as the report shows it. */
export interface ArtifactFailure {
  /** The test's name: `[3] const d = …`, `[exercise 1] …`, or `after the last cell`. */
  name: string;
  /** The whole story (source, headline, detail), as the test failure says it. */
  message: string;
  /** Committed against fresh outputs, when the message does not show it already. */
  diff?: string;
}

/** The notebook's path relative to its project's root (its file name if outside). */
function projectPath(path: string): string {
  const rel = relative(findProjectRoot(dirname(path)), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : basename(path);
}

/** Where the artefacts of the notebook at `path` go inside `dir`. */
export function artifactPaths(dir: string, path: string): { notebook: string; report: string } {
  const notebook = join(dir, projectPath(path));
  return { notebook, report: notebook.replace(/\.ipynb$/, '') + '.failures.txt' };
}

/** The text of the failures report. */
export function failuresReport(path: string, failures: readonly ArtifactFailure[]): string {
  const parts = [`${projectPath(path).split(sep).join('/')}: ${failures.length} failure${failures.length === 1 ? '' : 's'}`];
  for (const failure of failures) {
    parts.push(`\n=== ${failure.name} ===\n\n${failure.message.trimEnd()}`);
    if (failure.diff) parts.push(`\n--- committed outputs against fresh ones ---\n${failure.diff.trimEnd()}`);
  }
  return `${parts.join('\n')}\n`;
}

/** Writes the executed notebook and the failures report; returns their paths. */
export async function writeArtifacts(dir: string, path: string, executed: Notebook, failures: readonly ArtifactFailure[]): Promise<{ notebook: string; report: string }> {
  const target = artifactPaths(dir, path);
  await mkdir(dirname(target.notebook), { recursive: true });
  await writeNotebook(target.notebook, executed);
  const temporary = join(dirname(target.report), `.${basename(target.report)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, failuresReport(path, failures));
    await rename(temporary, target.report);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return target;
}
