/**
 * Checking that a parsed value is an nbformat 4 notebook, in the order a person would: is it an
 * object, is it format 4, which minor version, then the official schema of that version.
 */
import { NotebookFormatError } from './errors.js';
import { schemaProblems, schemaVersionFor } from './schema.js';
import type { Notebook } from './types.js';

/** How many schema problems a message lists before "…and N more". */
const SHOWN_PROBLEMS = 5;

const describeType = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;

/**
 * Check that a value (parsed JSON) is a valid nbformat 4 notebook.
 *
 * Minor versions 0–4 are checked against the v4.4 schema (which accepts everything the older
 * minor versions allow), 5 and above against v4.5, which requires cell ids.
 *
 * @param value - the parsed JSON.
 * @param path - the file it came from, for messages.
 * @returns the same value, typed.
 * @throws {@link NotebookFormatError} naming `path` and what is wrong.
 *
 * @example
 * ```ts
 * const nb = validateNotebook(JSON.parse(text), 'notebooks/01-queues.ipynb');
 * ```
 */
export function validateNotebook(value: unknown, path: string): Notebook {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new NotebookFormatError(path, `is not a notebook: the JSON is ${describeType(value)}, not an object`);
  }
  const record = value as Record<string, unknown>;
  const major = record['nbformat'];
  if (major === undefined) {
    throw new NotebookFormatError(path, 'is not a notebook: it has no "nbformat" field');
  }
  if (major !== 4) {
    const hint =
      typeof major === 'number' && major < 4 ? ', convert it with `jupyter nbconvert --to notebook`' : '';
    throw new NotebookFormatError(path, `is nbformat ${JSON.stringify(major)}; only nbformat 4 is supported${hint}`);
  }
  const minor = record['nbformat_minor'];
  if (typeof minor !== 'number' || !Number.isInteger(minor) || minor < 0) {
    throw new NotebookFormatError(
      path,
      `has an invalid "nbformat_minor": ${JSON.stringify(minor) ?? 'missing'} (expected a whole number such as 5)`,
    );
  }
  const version = schemaVersionFor(minor);
  // The v4.4 schema asks for minor >= 4 only to tell versions apart; 4.0-4.3 documents are a
  // subset of 4.4, so check them as 4.4.
  const checked = version === '4.4' && minor < 4 ? { ...record, nbformat_minor: 4 } : value;
  const problems = schemaProblems(checked, version);
  if (problems.length > 0) {
    const shown = problems.slice(0, SHOWN_PROBLEMS);
    if (problems.length > shown.length) shown.push(`…and ${problems.length - shown.length} more`);
    throw new NotebookFormatError(path, `does not match the nbformat v${version} schema:`, shown);
  }
  return value as Notebook;
}
