// Type tests: checked by `tsc --noEmit`, never run.
import { expectTypeOf } from 'vitest';
import type { Cell, CodeCell, MimeBundle, MultilineString, Notebook, Output, StreamOutput } from './index.js';
import { codeCells, createNotebook, parseNotebook, sourceText, toMultiline } from './index.js';

declare const nb: Notebook;
declare const cell: Cell;
declare const output: Output;

expectTypeOf(parseNotebook('', 'x')).toEqualTypeOf<Notebook>();
expectTypeOf(createNotebook({ title: 'T', kernel: 'tslab' })).toEqualTypeOf<Notebook>();
expectTypeOf(codeCells(nb)[0]!.cell).toEqualTypeOf<CodeCell>();
expectTypeOf(toMultiline('a')).toEqualTypeOf<string[]>();
expectTypeOf(sourceText(cell)).toBeString();
expectTypeOf<MultilineString>().toEqualTypeOf<string | string[]>();

// The discriminants narrow.
if (cell.cell_type === 'code') expectTypeOf(cell.outputs).toEqualTypeOf<Output[]>();
if (output.output_type === 'stream') expectTypeOf(output).toEqualTypeOf<StreamOutput>();
if (output.output_type === 'error') expectTypeOf(output.traceback).toEqualTypeOf<string[]>();

// text/plain is typed; other MIME types are open.
declare const bundle: MimeBundle;
expectTypeOf(bundle['text/plain']).toEqualTypeOf<MultilineString | undefined>();
expectTypeOf(bundle['image/png']).toBeUnknown();

// Metadata is open-ended, the known fields typed.
expectTypeOf(nb.metadata.kernelspec?.name).toEqualTypeOf<string | undefined>();
expectTypeOf(nb.metadata['scalable_ts']).toBeUnknown();
expectTypeOf(cell.metadata.tags).toEqualTypeOf<string[] | undefined>();

// @ts-expect-error -- nbformat is always 4.
const v3: Notebook = { nbformat: 3, nbformat_minor: 0, metadata: {}, cells: [] };
void v3;
// @ts-expect-error -- a kernel other than tslab or jslab.
createNotebook({ title: 'T', kernel: 'python3' });
