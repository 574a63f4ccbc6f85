/**
 * Every error this package throws, each with a stable `code` so callers can branch without
 * parsing messages. Messages name the file (or other source) first, then the problem.
 */

import { CodedError, coded } from '@scalable-ts/base';

/** The stable codes of this package's errors, one per class. */
export type NotebookErrorCode = 'ERR_NOTEBOOK_FORMAT' | 'ERR_NO_KERNELSPEC' | 'ERR_SANITIZER';

/** Base class of the errors this package throws. */
export abstract class NotebookError extends CodedError<NotebookErrorCode> {}

/**
 * A file is not a valid nbformat 4 notebook: malformed JSON, not an object, another major
 * version, or a violation of the nbformat JSON schema.
 *
 * @example
 * ```ts
 * try {
 *   await readNotebook('notebooks/01-queues.ipynb');
 * } catch (error) {
 *   if (error instanceof NotebookFormatError) console.error(error.problems.join('\n'));
 * }
 * ```
 */
export class NotebookFormatError extends coded(NotebookError, 'ERR_NOTEBOOK_FORMAT') {
  /** The file at fault. */
  readonly path: string;
  /** The problems found, one line each (for a schema violation, one per error shown). */
  readonly problems: readonly string[];

  /**
   * @param path - the file at fault.
   * @param summary - what is wrong, as a sentence fragment after the file name.
   * @param problems - details, one per line (shown indented under the summary).
   * @param options - `cause`: the underlying error, if any.
   */
  constructor(path: string, summary: string, problems: readonly string[] = [], options?: { cause?: unknown }) {
    const details = problems.map((problem) => `\n  ${problem}`).join('');
    super(`${path}: ${summary}${details}`, options);
    this.path = path;
    this.problems = problems.length > 0 ? problems : [summary];
  }
}

/** A notebook has no `metadata.kernelspec.name`, so nothing says which kernel runs it. */
export class NoKernelspecError extends coded(NotebookError, 'ERR_NO_KERNELSPEC') {
  /** The notebook at fault. */
  readonly path: string;

  /** @param path - the notebook at fault. */
  constructor(path: string) {
    super(
      `${path}: metadata.kernelspec.name is missing, so nothing says which kernel runs this notebook; ` +
        'pick a kernel in Jupyter and save, or set "kernelspec": {"display_name": "TypeScript", "language": "typescript", "name": "tslab"}',
    );
    this.path = path;
  }
}

/**
 * A sanitizer definition is wrong: a pattern that is not a valid regular expression, a missing
 * `replace`, or a line the file format does not allow.
 */
export class SanitizerError extends coded(NotebookError, 'ERR_SANITIZER') {
  /** Where the definition came from: a file path, or e.g. `notebooks/01-x.ipynb metadata`. */
  readonly source: string;
  /** The section (nbval file) or entry (`#2`, JSON config) at fault, if known. */
  readonly section: string | undefined;
  /** The pattern at fault, if the problem is a pattern. */
  readonly pattern: string | undefined;

  /**
   * @param source - where the definition came from.
   * @param section - the section or entry at fault, if known.
   * @param pattern - the pattern at fault, if any.
   * @param problem - what is wrong.
   * @param options - `cause`: the underlying error, if any.
   */
  constructor(
    source: string,
    section: string | undefined,
    pattern: string | undefined,
    problem: string,
    options?: { cause?: unknown },
  ) {
    const where = section === undefined ? source : `${source} ${section}`;
    super(`${where}: ${problem}`, options);
    this.source = source;
    this.section = section;
    this.pattern = pattern;
  }
}
