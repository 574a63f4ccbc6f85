/**
 * The notebook as Jupyter puts it on disk, before JSON encoding: nbformat's `rejoin_lines` (on
 * read), `split_lines` and `strip_transient` (on write), applied to a copy.
 *
 * - `source` of every cell, and `text` of stream outputs, become line arrays.
 * - In MIME bundles (outputs' `data`, cells' `attachments`), values of `text/*`,
 *   `application/javascript` and `image/svg+xml` become line arrays; other non-JSON values
 *   that were stored as arrays (e.g. a base64 `image/png`) are joined into one string; JSON
 *   types (`application/json`, `application/*+json`) are left exactly as they are.
 * - Transient keys are dropped: `metadata.orig_nbformat`, `orig_nbformat_minor`, `signature`,
 *   and each cell's `metadata.trusted`.
 */
import { multilineText, toMultiline } from './multiline.js';

type Json = Record<string, unknown>;

const SPLIT_NON_TEXT = new Set(['application/javascript', 'image/svg+xml']);

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isLines = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((line) => typeof line === 'string');

const isJsonMime = (mime: string): boolean =>
  mime === 'application/json' || (mime.startsWith('application/') && mime.endsWith('+json'));

/** Join then split, so lines stored at odd boundaries come out as Jupyter would store them. */
const resplit = (value: unknown): unknown =>
  typeof value === 'string' || isLines(value) ? toMultiline(multilineText(value)) : value;

function diskBundle(bundle: unknown): void {
  if (!isRecord(bundle)) return;
  for (const [mime, value] of Object.entries(bundle)) {
    if (isJsonMime(mime)) continue;
    const text = isLines(value) ? value.join('') : value;
    bundle[mime] =
      typeof text === 'string' && (mime.startsWith('text/') || SPLIT_NON_TEXT.has(mime)) ? toMultiline(text) : text;
  }
}

/**
 * A deep copy of `nb` in the form Jupyter writes to disk.
 *
 * @param nb - a notebook (not modified).
 * @returns the copy, ready for {@link pythonJson}.
 */
export function diskForm(nb: object): Json {
  const copy = structuredClone(nb) as Json;
  const metadata = copy['metadata'];
  if (isRecord(metadata)) {
    delete metadata['orig_nbformat'];
    delete metadata['orig_nbformat_minor'];
    delete metadata['signature'];
  }
  const cells = Array.isArray(copy['cells']) ? (copy['cells'] as unknown[]) : [];
  for (const cell of cells) {
    if (!isRecord(cell)) continue;
    if ('source' in cell) cell['source'] = resplit(cell['source']);
    if (isRecord(cell['metadata'])) delete cell['metadata']['trusted'];
    if (isRecord(cell['attachments'])) Object.values(cell['attachments']).forEach(diskBundle);
    if (cell['cell_type'] !== 'code' || !Array.isArray(cell['outputs'])) continue;
    for (const output of cell['outputs'] as unknown[]) {
      if (!isRecord(output)) continue;
      const type = output['output_type'];
      if (type === 'execute_result' || type === 'display_data') diskBundle(output['data']);
      else if (type === 'stream' && 'text' in output) output['text'] = resplit(output['text']);
    }
  }
  return copy;
}
