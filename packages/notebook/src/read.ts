/** Reading notebooks from text or from disk, validated against the nbformat schema. */
import { readFile } from 'node:fs/promises';
import { NotebookFormatError } from './errors.js';
import type { Notebook } from './types.js';
import { validateNotebook } from './validate.js';

/**
 * Where in `text` a JSON.parse error happened, as `line L, column C`, when its message says
 * ("at position N", or the end of input); undefined when it does not. Computed here on every
 * Node (V8 12 and later also append "(line L column C)" to the message, older ones do not).
 */
function locate(message: string, text: string): string | undefined {
  const match = /position (\d+)/.exec(message)?.[1];
  const position = match !== undefined ? Number(match) : /end of JSON input/.test(message) ? text.length : undefined;
  if (position === undefined) return undefined;
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/**
 * Parse notebook JSON text and check it is a valid nbformat 4 notebook.
 *
 * @param text - the `.ipynb` file contents (a leading byte-order mark is ignored).
 * @param path - the file name, used in error messages.
 * @returns the notebook, as stored (line arrays stay arrays; see {@link sourceText}).
 * @throws {@link NotebookFormatError} naming `path` and what is wrong: malformed JSON (with its
 * line and column), not an object, another nbformat major version, or schema violations listed
 * by JSON pointer.
 *
 * @example
 * ```ts
 * const nb = parseNotebook('{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}', 'empty.ipynb');
 * ```
 */
export function parseNotebook(text: string, path: string): Notebook {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    // V8's own " (line L column C)" suffix is dropped: `where` says it, the same on every Node.
    const message = (error instanceof Error ? error.message : String(error)).replace(/ \(line \d+ column \d+\)$/, '');
    const where = locate(message, body);
    throw new NotebookFormatError(path, `is not valid JSON${where ? ` (${where})` : ''}: ${message}`, [], {
      cause: error,
    });
  }
  return validateNotebook(value, path);
}

/**
 * Read a notebook file and check it is a valid nbformat 4 notebook.
 *
 * @param path - the `.ipynb` file.
 * @returns the notebook.
 * @throws {@link NotebookFormatError} as {@link parseNotebook} does; file-system errors
 * (e.g. `ENOENT`) are passed through.
 *
 * @example
 * ```ts
 * const nb = await readNotebook('notebooks/01-queues.ipynb');
 * console.log(nb.cells.length);
 * ```
 */
export async function readNotebook(path: string): Promise<Notebook> {
  return parseNotebook(await readFile(path, 'utf8'), path);
}
