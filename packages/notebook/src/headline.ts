/**
 * One-line summaries for messages and labels: the first line of an error, the first line of a
 * cell's source. No Node APIs here: the workshop's page script imports this file too
 * (`@scalable-ts/notebook/headline`).
 */

/**
 * The first line of an error's message (or of `String(value)` for a thrown non-error): what a
 * status line or a one-line report shows.
 *
 * @example
 * ```ts
 * firstLine(new Error('Kernel died\n  at …')); // 'Kernel died'
 * ```
 */
export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

/**
 * The first non-blank line of a cell's source, trimmed and shortened to `width` characters
 * (`…` marks a cut): a test name, a "Running code cell 3: …" label.
 *
 * @example
 * ```ts
 * sourceHeadline('\n  const x = 1;\nx'); // 'const x = 1;'
 * ```
 */
export function sourceHeadline(source: string, width = 60): string {
  const line = source.split('\n').find((l) => l.trim() !== '')?.trim() ?? '(empty cell)';
  return line.length > width ? `${line.slice(0, width - 1)}…` : line;
}
