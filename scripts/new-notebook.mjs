#!/usr/bin/env node
// Creates a notebook in the house style (shared/NOTEBOOKS.md), ready to fill in.
//
//   node scripts/new-notebook.mjs NN-topic "Title" [--summary TEXT] [--js] [--dir DIR]
//   npm run new-notebook -- 07-worker-threads "Worker threads"
//
// Writes notebooks/NN-topic.ipynb (or DIR/NN-topic.ipynb): nbformat 4.5, kernel tslab (jslab with
// --js), title and intro, a first code cell, two self-checking Exercises (starter tagged
// exercise, checks tagged exercise-check, hidden solution: they pass `npm test` as scaffolded),
// Interview corner. Never overwrites a file. Exit status 1 when the file exists or cannot be written, 2 on
// bad usage. Needs the package built first: npm run build -w @scalable-ts/notebook
import { access } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ROOT, commandLine, displayPath } from './lib/cli.mjs';

const NAME = /^\d\d-[a-z0-9-]+$/;
const { flags, positionals, fail } = commandLine('new-notebook', 'usage: new-notebook.mjs NN-topic "Title" [--summary TEXT] [--js] [--dir DIR]', {
  summary: { type: 'string' },
  js: { type: 'boolean', default: false },
  dir: { type: 'string', default: join(ROOT, 'notebooks') },
});
function die(message) {
  console.error(`new-notebook: ${message}`);
  process.exit(1);
}
const [name, title, ...extra] = positionals;
if (name === undefined || title === undefined || extra.length > 0) fail('expected a name and a title');
const stem = name.endsWith('.ipynb') ? name.slice(0, -'.ipynb'.length) : name;
if (!NAME.test(stem)) fail(`"${name}" is not a notebook name: use two digits, a dash, then lowercase words (e.g. 03-queues)`);
if (title.trim() === '') fail('the title is empty');

let notebook;
try {
  notebook = await import('@scalable-ts/notebook');
} catch (error) {
  die(`cannot load @scalable-ts/notebook (${error.code ?? error.message}); build it first: npm run build -w @scalable-ts/notebook`);
}

const path = resolve(flags.dir, `${stem}.ipynb`);
const shown = displayPath(path);
const exists = (file) => access(file).then(() => true, () => false);
if (!(await exists(dirname(path)))) die(`the directory ${dirname(path)} does not exist`);
if (await exists(path)) die(`${shown} already exists; not overwriting it`);

const kernel = flags.js ? 'jslab' : 'tslab';
const nb = notebook.createNotebook({ title, kernel, ...(flags.summary ? { summary: flags.summary } : {}) });
try {
  await notebook.writeNotebook(path, nb);
} catch (error) {
  die(`cannot write ${shown}: ${error.message}`);
}
console.log(`Created ${shown} (${kernel}, nbformat 4.${nb.nbformat_minor}, ${nb.cells.length} cells).`);
console.log('Next: replace the TODOs, run it top to bottom in a fresh kernel, and commit it with its outputs.');
