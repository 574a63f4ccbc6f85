/**
 * Checking what a page sends: each frame must be one {@link ClientMessage} of `protocol.ts`, with
 * every field of the right type. Anything else is a {@link ClientMessageError}; nothing runs.
 */
import { ClientMessageError } from './errors.js';
import { DEFAULT_LIMITS } from './limits.js';
import type { ClientMessage, RunCell } from './protocol.js';

/** Largest number of cells one message may name (a notebook is far smaller). */
const MAX_CELLS = 10_000;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function runCells(value: unknown, field: string, sourceChars: number): RunCell[] {
  if (!Array.isArray(value) || value.length > MAX_CELLS) throw new ClientMessageError(`${field} must be an array of at most ${MAX_CELLS} cells`);
  return value.map((cell, i) => {
    if (!isObject(cell) || !Number.isSafeInteger(cell['index']) || (cell['index'] as number) < 0 || typeof cell['source'] !== 'string') {
      throw new ClientMessageError(`${field}[${i}] must be { index: a cell position, source: string }`);
    }
    if (cell['source'].length > sourceChars) {
      throw new ClientMessageError(`Refused: the code of cell ${String(cell['index'])} is ${cell['source'].length} characters; the limit is ${sourceChars}`);
    }
    return { index: cell['index'] as number, source: cell['source'] };
  });
}

/**
 * Parse one WebSocket frame from a page; a cell's code longer than `limits.sourceChars` is refused.
 *
 * @throws {@link ClientMessageError} naming what is wrong.
 *
 * @example
 * ```ts
 * parseClientMessage('{"type":"interrupt"}'); // { type: 'interrupt' }
 * ```
 */
export function parseClientMessage(text: string, limits: { readonly sourceChars: number } = DEFAULT_LIMITS): ClientMessage {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ClientMessageError('A message must be JSON');
  }
  if (!isObject(value)) throw new ClientMessageError('A message must be a JSON object');
  switch (value['type']) {
    case 'run': {
      const mode = value['mode'];
      if (mode !== 'cell' && mode !== 'to-here') throw new ClientMessageError('run.mode must be "cell" or "to-here"');
      return { type: 'run', mode, cells: runCells(value['cells'], 'run.cells', limits.sourceChars) };
    }
    case 'save': {
      const version = value['version'];
      if (typeof version !== 'string' || version.length > 200) throw new ClientMessageError('save.version must be the version string of hello');
      return { type: 'save', version, sources: runCells(value['sources'], 'save.sources', limits.sourceChars) };
    }
    case 'position': {
      const index = value['index'];
      if (!Number.isSafeInteger(index) || (index as number) < 0) throw new ClientMessageError('position.index must be a cell position');
      return { type: 'position', index: index as number };
    }
    case 'interrupt':
    case 'restart':
    case 'clear':
      return { type: value['type'] };
    default:
      throw new ClientMessageError(`Unknown message type ${JSON.stringify(value['type'])}`);
  }
}
