/**
 * What a page can make the server hold, bounded. Past each bound the server refuses, and says so:
 * a run that would overfill the queue and a cell's code over the limit are answered with a
 * `problem` message (nothing of the request is kept or run); a frame over the limit closes the
 * socket with status 1009 (RFC 6455 §7.4.1, "message too big"), which the page reports; a page
 * that stops reading while output streams to it is disconnected once its backlog passes the
 * limit. Finished requests, remembered so late output still finds its cell, are forgotten
 * oldest first. A cell's outputs are kept (and redrawn, and saved) up to `outputChars`: a stream
 * keeps its latest text, an output past the bound is replaced by a line saying so, so a cell
 * printing without end cannot make every redraw bigger.
 */
import { multilineText, type Output } from '@scalable-ts/notebook';

/** The bounds; {@link DEFAULT_LIMITS} are far above what any lesson needs. */
export interface WorkshopLimits {
  /** Largest WebSocket frame a page may send, in bytes (a `save` carries every edited cell). */
  readonly frameBytes: number;
  /** Longest code of one cell in a `run` or `save`, in characters. */
  readonly sourceChars: number;
  /** Most cells that may wait in one notebook's queue; a run that would pass it is refused whole. */
  readonly queuedRuns: number;
  /** Most finished requests a session remembers for late output (oldest forgotten first). */
  readonly rememberedRequests: number;
  /** Most bytes waiting to be sent to one page before it is disconnected. */
  readonly sendBufferBytes: number;
  /** Most characters of output a cell keeps (stream text, and each rich output's data). */
  readonly outputChars: number;
}

/** The default bounds. */
export const DEFAULT_LIMITS: WorkshopLimits = {
  frameBytes: 8 * 1024 * 1024,
  sourceChars: 1024 * 1024,
  queuedRuns: 1000,
  rememberedRequests: 1000,
  sendBufferBytes: 64 * 1024 * 1024,
  outputChars: 2 * 1024 * 1024,
};

/**
 * The defaults with `given` applied; each must be a positive safe integer.
 *
 * @throws TypeError naming the bad bound.
 */
export function resolveLimits(given: Partial<WorkshopLimits> = {}): WorkshopLimits {
  const limits = { ...DEFAULT_LIMITS, ...given };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value <= 0) throw new TypeError(`startWorkshop: limits.${name} must be a positive integer, got ${String(value)}`);
  }
  return limits;
}

/** Characters an output holds (its text, or its data as JSON). */
function outputSize(output: Output): number {
  if (output.output_type === 'stream') return multilineText(output.text).length;
  return JSON.stringify(output).length;
}

/**
 * `outputs` cut to at most `maxChars` characters, keeping the latest: walking back from the last
 * output, a stream that does not fit keeps its tail, any other output that does not fit becomes a
 * line saying what was left out; everything before is dropped.
 *
 * @example
 * ```ts
 * boundOutputs([{ output_type: 'stream', name: 'stdout', text: 'x'.repeat(10) }], 4);
 * // [{ output_type: 'stream', name: 'stdout', text: '[… 6 characters not shown]\nxxxx' }]
 * ```
 */
export function boundOutputs(outputs: readonly Output[], maxChars: number): Output[] {
  let left = maxChars;
  const kept: Output[] = [];
  for (let i = outputs.length - 1; i >= 0; i--) {
    const output = outputs[i] as Output;
    const size = outputSize(output);
    if (size <= left) {
      kept.push(output);
      left -= size;
      continue;
    }
    const dropped = outputs.slice(0, i).reduce((sum, earlier) => sum + outputSize(earlier), 0);
    if (output.output_type === 'stream') {
      const text = multilineText(output.text);
      kept.push({ ...output, text: `[… ${text.length - left + dropped} characters not shown]\n${left > 0 ? text.slice(-left) : ''}` });
    } else {
      const note = `[… ${size + dropped} characters of output not shown: a cell keeps at most ${maxChars}]\n`;
      kept.push({ output_type: 'stream', name: 'stderr', text: note });
    }
    break;
  }
  return kept.reverse();
}
