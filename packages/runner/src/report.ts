/**
 * The words of a failure: which notebook, which cell, its source, and what went wrong, in a form
 * that reads well in a terminal and in vitest's report.
 */
import { relative } from 'node:path';
import { multilineText, stripAnsi, type Output } from '@scalable-ts/notebook';

/** A path as the user would type it: relative to the working directory when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/** The text a kernel wrote to stderr (tslab's only error channel), with ANSI codes removed. */
export function errorText(outputs: readonly Output[]): string {
  const parts: string[] = [];
  for (const output of outputs) {
    if (output.output_type === 'stream' && output.name === 'stderr') parts.push(multilineText(output.text));
    if (output.output_type === 'error') parts.push([`${output.ename}: ${output.evalue}`, ...output.traceback].join('\n'));
  }
  return stripAnsi(parts.join('')).trimEnd();
}

/** The full message of a failed cell. */
export function failureMessage(path: string, cellNumber: number, source: string, headline: string, detail: string): string {
  const code = source
    .trimEnd()
    .split('\n')
    .map((line) => `  │ ${line}`)
    .join('\n');
  return `${displayPath(path)} › cell [${cellNumber}]: ${headline}\n\n${code}${detail ? `\n\n${detail}` : ''}`;
}
