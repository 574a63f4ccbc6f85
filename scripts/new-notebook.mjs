#!/usr/bin/env node
// Creates a notebook in the house style (shared/NOTEBOOKS.md), ready to fill in.
//
//   node scripts/new-notebook.mjs NN-topic "Title" [--summary TEXT] [--js] [--dir DIR]
//   npm run new-notebook -- 07-worker-threads "Worker threads"
//
// Writes notebooks/NN-topic.ipynb (or DIR/NN-topic.ipynb): nbformat 4.5, kernel tslab (jslab with
// --js), title and intro, a first code cell, Exercises with a hidden solution cell, Interview
// corner. Never overwrites a file. Exit status 1 when the file exists or cannot be written, 2 on
// bad usage. Needs the package built first: npm run build -w @scalable-ts/notebook
import { access } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: new-notebook.mjs NN-topic "Title" [--summary TEXT] [--js] [--dir DIR]';
const NAME = /^\d\d-[a-z0-9-]+$/;

function fail(message, status = 2) {
  console.error(`new-notebook: ${message}${status === 2 ? `\n${USAGE}` : ''}`);
  process.exit(status);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      summary: { type: 'string' },
      js: { type: 'boolean', default: false },
      dir: { type: 'string', default: join(ROOT, 'notebooks') },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  fail(error.message);
}
const { values: flags, positionals } = parsed;
if (flags.help) {
  console.log(USAGE);
  process.exit(0);
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
  fail(`cannot load @scalable-ts/notebook (${error.code ?? error.message}); build it first: npm run build -w @scalable-ts/notebook`, 1);
}

const path = resolve(flags.dir, `${stem}.ipynb`);
const fromCwd = relative(process.cwd(), path);
const shown = fromCwd.startsWith('..') ? path : fromCwd;
const exists = (file) => access(file).then(() => true, () => false);
if (!(await exists(dirname(path)))) fail(`the directory ${dirname(path)} does not exist`, 1);
if (await exists(path)) fail(`${shown} already exists; not overwriting it`, 1);

const kernel = flags.js ? 'jslab' : 'tslab';
const nb = notebook.createNotebook({ title, kernel, ...(flags.summary ? { summary: flags.summary } : {}) });
try {
  await notebook.writeNotebook(path, nb);
} catch (error) {
  fail(`cannot write ${shown}: ${error.message}`, 1);
}
console.log(`Created ${shown} (${kernel}, nbformat 4.${nb.nbformat_minor}, ${nb.cells.length} cells).`);
console.log('Next: replace the TODOs, run it top to bottom in a fresh kernel, and commit it with its outputs.');
