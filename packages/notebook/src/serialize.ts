/** Notebook to `.ipynb` text, byte for byte as Jupyter writes it. */
import { diskForm } from './disk-form.js';
import { pythonJson } from './python-json.js';
import type { Notebook } from './types.js';

/**
 * Serialize a notebook exactly as Jupyter (nbformat's JSON writer) does, so saving a notebook
 * that Jupyter wrote gives the same bytes: keys sorted, one-space indent, non-ASCII characters
 * written as themselves, text stored as line arrays, transient metadata dropped, and a trailing
 * newline. Cell ids are kept as they are.
 *
 * @param nb - the notebook (not modified).
 * @returns the file contents.
 * @throws TypeError if the notebook holds a value JSON cannot (NaN, a function, a bigint).
 *
 * @example
 * ```ts
 * const text = serializeNotebook(nb);
 * text.startsWith('{\n "cells": ['); // true
 * ```
 */
export function serializeNotebook(nb: Notebook): string {
  return `${pythonJson(diskForm(nb))}\n`;
}
