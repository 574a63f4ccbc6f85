/**
 * The shapes of an nbformat 4 notebook, as the official JSON schemas in `assets/` define them
 * (v4.4 and v4.5). Types only: nothing here runs.
 *
 * The types are plain mutable objects, because a notebook is data that tools fill in and write
 * back (a runner replaces `outputs`, a kernel client merges stream text). Metadata objects are
 * open-ended: the fields Jupyter defines are typed, anything else is `unknown`.
 */

/**
 * Text that nbformat stores either whole or split into lines, each line keeping its line break.
 * Jupyter writes the split form (`["a\n", "b"]`); both forms mean the same text.
 */
export type MultilineString = string | string[];

/**
 * A MIME bundle: MIME type to data. Text types hold a {@link MultilineString}; JSON types
 * (`application/json`, `application/*+json`) hold any JSON value; binary types such as
 * `image/png` hold base64 text.
 */
export interface MimeBundle {
  /** The plain-text form every kernel should send. */
  'text/plain'?: MultilineString;
  /** Any other MIME type. */
  [mimeType: string]: unknown;
}

/** The kernel a notebook runs on (`metadata.kernelspec`). */
export interface KernelSpec {
  /** The kernel's name, e.g. `tslab`; this is what a runner starts. */
  name: string;
  /** The name a front end shows, e.g. `TypeScript`. */
  display_name: string;
  /** The language, e.g. `typescript`. */
  language?: string;
  /** Other keys a front end or kernel may add. */
  [key: string]: unknown;
}

/** The language of the kernel (`metadata.language_info`), as the kernel reported it. */
export interface LanguageInfo {
  /** The language's name, e.g. `typescript`. */
  name: string;
  /** The language version the kernel reported. */
  version?: string;
  /** The MIME type of source files, e.g. `text/typescript`. */
  mimetype?: string;
  /** The extension of source files, e.g. `.ts`. */
  file_extension?: string;
  /** The CodeMirror mode, a name or an options object. */
  codemirror_mode?: string | Record<string, unknown>;
  /** The Pygments lexer name. */
  pygments_lexer?: string;
  /** Other keys a kernel may add. */
  [key: string]: unknown;
}

/** Notebook-level metadata. */
export interface NotebookMetadata {
  /** The kernel the notebook runs on. */
  kernelspec?: KernelSpec;
  /** The language of that kernel. */
  language_info?: LanguageInfo;
  /** The document's title. */
  title?: string;
  /** The document's authors. */
  authors?: Array<{ name?: string; [key: string]: unknown }>;
  /** Any other key (tools keep their settings here, e.g. `scalable_ts`). */
  [key: string]: unknown;
}

/** Cell-level metadata shared by every kind of cell. */
export interface CellMetadata {
  /** Tags, unique and without commas, e.g. `solution` or `nbval-ignore-output`. */
  tags?: string[];
  /** A name unique within the notebook. */
  name?: string;
  /** Front-end state: whether the source (and, for code cells, the outputs) is collapsed. */
  jupyter?: { source_hidden?: boolean; outputs_hidden?: boolean; [key: string]: unknown };
  /** Any other key. */
  [key: string]: unknown;
}

/** Metadata of a code cell. */
export interface CodeCellMetadata extends CellMetadata {
  /** Timestamps of the last run, as Jupyter records them. */
  execution?: Record<string, string>;
  /** Whether the output is collapsed (classic Notebook). */
  collapsed?: boolean;
  /** Whether the output is scrolled (classic Notebook). */
  scrolled?: boolean | 'auto';
}

/** Metadata of a raw cell. */
export interface RawCellMetadata extends CellMetadata {
  /** The MIME type nbconvert should treat the raw text as. */
  format?: string;
}

/** Files embedded in a markdown or raw cell, by file name (`![](attachment:plot.png)`). */
export type Attachments = Record<string, MimeBundle>;

/** A code cell with its saved outputs. */
export interface CodeCell {
  /** `code`. */
  cell_type: 'code';
  /** The cell id (required from nbformat 4.5 on). */
  id?: string;
  /** Cell metadata. */
  metadata: CodeCellMetadata;
  /** The source code. */
  source: MultilineString;
  /** The outputs of the last run, in order. */
  outputs: Output[];
  /** The prompt number of the last run, `null` if the cell has not run. */
  execution_count: number | null;
}

/** A markdown cell. */
export interface MarkdownCell {
  /** `markdown`. */
  cell_type: 'markdown';
  /** The cell id (required from nbformat 4.5 on). */
  id?: string;
  /** Cell metadata. */
  metadata: CellMetadata;
  /** The markdown text. */
  source: MultilineString;
  /** Embedded files. */
  attachments?: Attachments;
}

/** A raw cell, passed through untouched by nbconvert. */
export interface RawCell {
  /** `raw`. */
  cell_type: 'raw';
  /** The cell id (required from nbformat 4.5 on). */
  id?: string;
  /** Cell metadata. */
  metadata: RawCellMetadata;
  /** The raw text. */
  source: MultilineString;
  /** Embedded files. */
  attachments?: Attachments;
}

/** Any nbformat 4 cell. */
export type Cell = CodeCell | MarkdownCell | RawCell;

/** Text written to stdout or stderr. */
export interface StreamOutput {
  /** `stream`. */
  output_type: 'stream';
  /** The stream's name. */
  name: 'stdout' | 'stderr';
  /** The text written. */
  text: MultilineString;
}

/** Rich data shown by a `display(...)` call. */
export interface DisplayDataOutput {
  /** `display_data`. */
  output_type: 'display_data';
  /** The data, by MIME type. */
  data: MimeBundle;
  /** Metadata about the data (e.g. image size), by MIME type or free-form. */
  metadata: Record<string, unknown>;
}

/** The value of the cell's last expression. */
export interface ExecuteResultOutput {
  /** `execute_result`. */
  output_type: 'execute_result';
  /** The prompt number, as the cell's. */
  execution_count: number | null;
  /** The data, by MIME type. */
  data: MimeBundle;
  /** Metadata about the data. */
  metadata: Record<string, unknown>;
}

/** An uncaught error. */
export interface ErrorOutput {
  /** `error`. */
  output_type: 'error';
  /** The error's name, e.g. `TypeError`. */
  ename: string;
  /** The error's message. */
  evalue: string;
  /** The traceback lines; they often hold ANSI colour codes. */
  traceback: string[];
}

/** Any output a notebook stores. */
export type Output = StreamOutput | DisplayDataOutput | ExecuteResultOutput | ErrorOutput;

/** An nbformat 4 notebook. */
export interface Notebook {
  /** The major format version: always 4. */
  nbformat: 4;
  /** The minor format version; 5 and above require cell ids. */
  nbformat_minor: number;
  /** Notebook-level metadata. */
  metadata: NotebookMetadata;
  /** The cells, in order. */
  cells: Cell[];
}
