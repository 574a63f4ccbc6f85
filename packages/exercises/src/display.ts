/**
 * Where the check lines go. Under tslab, one `display_data` with two representations: the lines
 * as `text/plain` (what Jupyter, VS Code and the static site show) and the structured result as
 * {@link CHECKS_MIME} (what the workshop reads). Anywhere else (plain Node, vitest), the lines on
 * standard output.
 *
 * tslab's public `display.raw()` sends one MIME type per output, so this calls the function it
 * wraps: `lastWriteDisplayData` of tslab's `jupyter` module, which tslab points at the running
 * cell's iopub before each execution. The module is found in Node's CommonJS module cache (the
 * kernel loaded it), so this package neither depends on tslab nor loads a second copy of it.
 * Pinned by the runner's tslab import test.
 */
import { createRequire } from 'node:module';
import { CHECKS_MIME, type ChecksResult } from './result.js';

type DisplayWriter = (content: { data: Record<string, unknown>; metadata: Record<string, unknown>; transient: Record<string, unknown> }, update: boolean) => void;

const require = createRequire(import.meta.url);
const TSLAB_JUPYTER = /[\\/]tslab[\\/]dist[\\/]jupyter\.js$/;

/** tslab's display writer for the running cell, or `undefined` outside a tslab kernel. */
function tslabWriter(): DisplayWriter | undefined {
  for (const [path, module] of Object.entries(require.cache)) {
    if (!TSLAB_JUPYTER.test(path)) continue;
    const writer: unknown = (module?.exports as { lastWriteDisplayData?: unknown } | undefined)?.lastWriteDisplayData;
    if (typeof writer === 'function') return writer as DisplayWriter;
  }
  return undefined;
}

/**
 * Shows the check lines and the structured result: a tslab `display_data`, or `console.log`.
 *
 * @param text - one line per check.
 * @param result - the structured result.
 */
export function showChecks(text: string, result: ChecksResult): void {
  const writer = tslabWriter();
  if (writer) writer({ data: { 'text/plain': text, [CHECKS_MIME]: result }, metadata: {}, transient: {} }, false);
  else console.log(text);
}
