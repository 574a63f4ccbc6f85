/**
 * A canonical text form of a cell's outputs, for comparing a fresh run with the saved one.
 *
 * Each output becomes a block: a header line naming it, then its text, ending in a newline.
 *
 * ```text
 * [stdout]
 * queue length: 3
 * [execute_result]
 * [ 1, 2, 3 ]
 * [display_data]
 * <image/png>
 * [error]
 * TypeError: x is not a function
 * ```
 *
 * - Stream outputs: consecutive outputs of the same stream are merged first (a kernel splits
 *   text at flush points that vary from run to run; Jupyter shows it as one). `\r\n` becomes
 *   `\n`, and text a `\r` or backspace overwrites is dropped, as a notebook shows it.
 * - `execute_result` and `display_data`: the `text/plain` data; without it, one `<mime/type>`
 *   line per type, so the presence of an image is compared but not its bytes.
 * - `error`: `ename: evalue` (the traceback holds paths and line numbers that vary).
 * ANSI colour codes are removed throughout; a block's missing final newline is added.
 */
import { stripAnsi } from './ansi.js';
import { multilineText } from './multiline.js';
import type { MimeBundle, Output } from './types.js';

/** Apply `\r` and backspace the way a notebook front end shows stream text. */
function settleControlCharacters(text: string): string {
  let result = text.replace(/\r\n/g, '\n');
  for (let previous = ''; previous !== result; ) {
    previous = result;
    result = result.replace(/[^\n\x08]\x08/g, '');
  }
  return result.replace(/[^\n]*\r(?=[^\n])/g, '');
}

function bundleText(data: MimeBundle): string {
  const plain = data['text/plain'];
  if (plain !== undefined) return multilineText(plain);
  return Object.keys(data)
    .sort()
    .map((mime) => `<${mime}>\n`)
    .join('');
}

/** One output (or run of stream outputs) as a header and its text. */
export interface OutputBlock {
  /** `stdout`, `stderr`, `execute_result`, `display_data`, `error`, or an unknown output type. */
  header: string;
  /** The text, ANSI codes removed; not yet given a final newline. */
  text: string;
}

/**
 * The blocks of {@link outputText}, before they are joined, so sanitizers can apply to each
 * output's own text (as nbval applies them: `^` is the start of the output, not of the cell).
 *
 * @internal
 */
export function outputBlocks(outputs: readonly Output[]): OutputBlock[] {
  const blocks: OutputBlock[] = [];
  let stream: { name: string; text: string } | undefined;
  const push = (header: string, text: string): void => {
    blocks.push({ header, text: stripAnsi(text) });
  };
  const flush = (): void => {
    if (stream) push(stream.name, settleControlCharacters(stream.text));
    stream = undefined;
  };
  for (const output of outputs) {
    if (output.output_type === 'stream') {
      const text = multilineText(output.text);
      if (stream?.name === output.name) stream.text += text;
      else {
        flush();
        stream = { name: output.name, text };
      }
      continue;
    }
    flush();
    switch (output.output_type) {
      case 'execute_result':
      case 'display_data':
        push(output.output_type, bundleText(output.data));
        break;
      case 'error':
        push('error', `${output.ename}: ${output.evalue}`);
        break;
      default: {
        const unknown: { output_type?: unknown } = output;
        push(String(unknown.output_type), '');
      }
    }
  }
  flush();
  return blocks;
}

/**
 * Join blocks into the canonical text: a `[header]` line, then the text with a final newline.
 *
 * @internal
 */
export function joinBlocks(blocks: readonly OutputBlock[]): string {
  return blocks
    .map(({ header, text }) => `[${header}]\n${text}${text === '' || text.endsWith('\n') ? '' : '\n'}`)
    .join('');
}

/**
 * The canonical text of a cell's outputs (see the module comment for the format).
 *
 * @param outputs - the outputs of one code cell.
 * @returns their text; `''` for no outputs.
 *
 * @example
 * ```ts
 * outputText([
 *   { output_type: 'stream', name: 'stdout', text: 'a\n' },
 *   { output_type: 'stream', name: 'stdout', text: 'b\n' },
 *   { output_type: 'execute_result', execution_count: 1, data: { 'text/plain': '42' }, metadata: {} },
 * ]); // '[stdout]\na\nb\n[execute_result]\n42\n'
 * ```
 */
export function outputText(outputs: readonly Output[]): string {
  return joinBlocks(outputBlocks(outputs));
}
