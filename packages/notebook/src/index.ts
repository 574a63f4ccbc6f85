/**
 * `@scalable-ts/notebook`: read, validate, sanitize, compare and write Jupyter notebooks
 * (nbformat 4), byte-compatible with Jupyter's own writer.
 */
export type {
  Attachments,
  Cell,
  CellMetadata,
  CodeCell,
  CodeCellMetadata,
  DisplayDataOutput,
  ErrorOutput,
  ExecuteResultOutput,
  KernelSpec,
  LanguageInfo,
  MarkdownCell,
  MimeBundle,
  MultilineString,
  Notebook,
  NotebookMetadata,
  Output,
  RawCell,
  RawCellMetadata,
  StreamOutput,
} from './types.js';
export { NotebookError, NotebookFormatError, NoKernelspecError, SanitizerError, type NotebookErrorCode } from './errors.js';
export { parseNotebook, readNotebook } from './read.js';
export { validateNotebook } from './validate.js';
export { kernelNameOf } from './kernelspec.js';
export { multilineText, sourceText, toMultiline } from './multiline.js';
export { cellTags, codeCells, type CodeCellEntry } from './cells.js';
export {
  CELL_TAGS,
  EXERCISE_TAGS,
  RUN_TAGS,
  SOLUTION_TAGS,
  cellPolicy,
  tagPolicy,
  type CellPolicy,
  type TagPolicy,
} from './tags.js';
export { serializeNotebook } from './serialize.js';
export { writeNotebook } from './write.js';
export { withOutputs, type CellRun } from './with-outputs.js';
export { sanitize, parseSanitizeConfig, type Sanitizer } from './sanitize.js';
export { parseNbvalSanitizeFile } from './nbval-sanitize.js';
export { stripAnsi } from './ansi.js';
export { firstLine, sourceHeadline } from './headline.js';
export { outputText } from './output-text.js';
export { compareOutputs, type OutputComparison } from './compare.js';
export { newCellId } from './cell-id.js';
export { createNotebook, type CreateNotebookOptions } from './create.js';
