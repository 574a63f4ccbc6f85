/**
 * A new notebook in the house style (shared/NOTEBOOKS.md): nbformat 4.5 with cell ids, the tslab
 * (or jslab) kernelspec and language_info exactly as that kernel reports them (so Jupyter has
 * nothing to rewrite on first save), and the skeleton every notebook follows: title and intro,
 * a first code cell, two self-checking Exercises (starter, checks, hidden solution: the form of
 * issue 17), and an Interview corner.
 */
import { EXERCISE_TAGS, SOLUTION_TAGS } from './tags.js';
import { newCellId } from './cell-id.js';
import { toMultiline } from './multiline.js';
import type { Cell, CodeCell, MarkdownCell, Notebook, NotebookMetadata } from './types.js';

/** The three code cells of a scaffolded exercise (the check cell's imports come first). */
interface ExerciseSources {
  starter: string;
  checks: string;
  solution: string;
}

const CHECK_IMPORTS = 'import { checks } from "@scalable-ts/exercises";\nimport assert from "node:assert/strict";\n';

// Placeholders that already work: each starter fails its checks and each solution passes them,
// so a new notebook passes `npm test` before its author writes a word. `t` keeps a type
// annotation in TypeScript and drops it in JavaScript.
function placeholderExercises(ts: boolean): readonly [ExerciseSources, ExerciseSources] {
  const t = (annotation: string) => (ts ? annotation : '');
  return [
    {
      starter: `// TODO: the starter the learner edits: it compiles and runs, but is wrong.\nfunction double(n${t(': number')})${t(': number')} {\n  return 0;\n}`,
      checks: 'await checks({\n  "doubles a number": () => assert.equal(double(21), 42, `double(21) is 42; yours gave ${double(21)}`),\n  "keeps zero": () => assert.equal(double(0), 0, "double(0) is 0"),\n});',
      solution: `function double(n${t(': number')})${t(': number')} {\n  return 2 * n;\n}`,
    },
    {
      starter: `// TODO: an async starter.\nasync function total(values${t(': Promise<number>[]')})${t(': Promise<number>')} {\n  return 0;\n}`,
      checks:
        'await checks({\n  "adds what the promises resolve to": async () => {\n    const sum = await total([Promise.resolve(1), Promise.resolve(2)]);\n    assert.equal(sum, 3, `1 + 2 is 3; yours gave ${sum}`);\n  },\n});',
      solution: `async function total(values${t(': Promise<number>[]')})${t(': Promise<number>')} {\n  return (await Promise.all(values)).reduce((a, b) => a + b, 0);\n}`,
    },
  ];
}

/** Options of {@link createNotebook}. */
export interface CreateNotebookOptions {
  /** The notebook's title, shown as its first heading. */
  title: string;
  /** Why the topic matters, two or three sentences; a TODO placeholder if left out. */
  summary?: string;
  /** `tslab` for TypeScript, `jslab` for JavaScript. */
  kernel: 'tslab' | 'jslab';
}

const KERNELS: Record<CreateNotebookOptions['kernel'], NotebookMetadata> = {
  tslab: {
    kernelspec: { display_name: 'TypeScript', language: 'typescript', name: 'tslab' },
    language_info: {
      codemirror_mode: { mode: 'typescript', name: 'javascript', typescript: true },
      file_extension: '.ts',
      mimetype: 'text/typescript',
      name: 'typescript',
      version: '3.7.2',
    },
  },
  jslab: {
    kernelspec: { display_name: 'JavaScript', language: 'javascript', name: 'jslab' },
    language_info: { file_extension: '.js', mimetype: 'text/javascript', name: 'javascript', version: '' },
  },
};

/**
 * A new notebook in the house style, with TODO placeholders to fill in.
 *
 * @param options - title, optional summary, and kernel.
 * @returns the notebook (nbformat 4.5, fresh random cell ids, no outputs).
 * @throws TypeError if `title` is empty or `kernel` is neither `tslab` nor `jslab`.
 *
 * @example
 * ```ts
 * const nb = createNotebook({ title: 'Queues that scale', kernel: 'tslab' });
 * await writeNotebook('notebooks/03-queues.ipynb', nb);
 * ```
 */
export function createNotebook(options: CreateNotebookOptions): Notebook {
  const { title, summary, kernel } = options;
  if (typeof title !== 'string' || title.trim() === '') {
    throw new TypeError(`createNotebook: "title" must be a non-empty string, got ${JSON.stringify(title)}`);
  }
  if (kernel !== 'tslab' && kernel !== 'jslab') {
    throw new TypeError(`createNotebook: "kernel" must be "tslab" or "jslab", got ${JSON.stringify(kernel)}`);
  }
  const ids = new Set<string>();
  const id = (): string => {
    let candidate = newCellId();
    while (ids.has(candidate)) candidate = newCellId();
    ids.add(candidate);
    return candidate;
  };
  const markdown = (text: string): MarkdownCell => ({
    cell_type: 'markdown',
    id: id(),
    metadata: {},
    source: toMultiline(text),
  });
  const code = (text: string, cellMetadata: CodeCell['metadata'] = {}): CodeCell => ({
    cell_type: 'code',
    execution_count: null,
    id: id(),
    metadata: cellMetadata,
    outputs: [],
    source: toMultiline(text),
  });
  const intro =
    summary?.trim() ||
    'TODO: two or three sentences on why this topic matters when you build scalable applications.';
  const [first, second] = placeholderExercises(kernel === 'tslab');
  const exercise = (n: number, task: string, sources: ExerciseSources): Cell[] => [
    markdown(`### Exercise ${n}: TODO a title\n\n${task}`),
    code(sources.starter, { tags: [EXERCISE_TAGS.exercise] }),
    code(CHECK_IMPORTS + sources.checks, { tags: [EXERCISE_TAGS.check] }),
    code(sources.solution, { jupyter: { source_hidden: true }, tags: [...SOLUTION_TAGS] }),
  ];
  const cells: Cell[] = [
    markdown(
      `# ${title.trim()}\n\n${intro}\n\nAfter this notebook you will be able to:\n\n` +
        '- TODO: the first thing you can do\n- TODO: the second\n- TODO: the third',
    ),
    code('// TODO: one idea per cell, ending with the value that proves it.\nconst answer = 6 * 7;\nanswer'),
    markdown(
      '## Exercises\n\nEach exercise checks itself: edit the starter, run it, then run the checks below it ' +
        '(in the workshop, press **Check**). A solution follows each, collapsed: try first.',
    ),
    ...exercise(1, 'TODO: the task, and what "right" means (the checks say it too).', first),
    ...exercise(2, 'TODO: a second task; this one awaits.', second),
    markdown('## Interview corner\n\n**TODO: a question from the seed notes on this topic?**\n\nTODO: the answer, in a few lines.'),
  ];
  return { cells, metadata: structuredClone(KERNELS[kernel]), nbformat: 4, nbformat_minor: 5 };
}
