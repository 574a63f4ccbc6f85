/** Comparing a cell's saved outputs with a fresh run's, with a readable diff when they differ. */
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { joinBlocks, outputBlocks } from './output-text.js';
import { sanitize, type Sanitizer } from './sanitize.js';
import type { Output } from './types.js';

/** The result of {@link compareOutputs}. */
export interface OutputComparison {
  /** Whether the sanitized output texts are identical. */
  equal: boolean;
  /** A unified diff from `--- expected` to `+++ actual`; `''` when equal. */
  diff: string;
}

/**
 * Compare expected (saved) and actual (fresh) outputs of one cell: both are turned into
 * {@link outputText}, with the sanitizers applied to each output's text (so `^` anchors at the
 * start of an output, as in nbval, and block headers are never rewritten), and compared as text.
 *
 * @param expected - the outputs saved in the notebook.
 * @param actual - the outputs of the run being checked.
 * @param sanitizers - replacements applied to each output's text on both sides (see {@link sanitize}).
 * @returns whether they match, and a unified diff (3 lines of context) if not.
 *
 * @example
 * ```ts
 * const { equal, diff } = compareOutputs(cell.outputs, fresh, [{ regex: /\d+ms/, replace: '<ms>' }]);
 * if (!equal) console.log(diff);
 * // --- expected
 * // +++ actual
 * // @@ -1,2 +1,2 @@
 * //  [stdout]
 * // -total: 3
 * // +total: 4
 * ```
 */
export function compareOutputs(
  expected: readonly Output[],
  actual: readonly Output[],
  sanitizers: readonly Sanitizer[] = [],
): OutputComparison {
  const sanitizedText = (outputs: readonly Output[]): string =>
    joinBlocks(outputBlocks(outputs).map((block) => ({ ...block, text: sanitize(block.text, sanitizers) })));
  const before = sanitizedText(expected);
  const after = sanitizedText(actual);
  if (before === after) return { equal: true, diff: '' };
  const diff = createTwoFilesPatch('expected', 'actual', before, after, undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
  });
  return { equal: false, diff };
}
