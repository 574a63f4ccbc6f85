/**
 * The workshop's page script, bundled by `bundle.mjs` into `dist/client/workshop.js`. Module
 * scripts run after the document is parsed, so the rendered page is there to enhance.
 */
import { takeToken } from './address.js';
import { continueCatchUp } from './catch-up.js';
import { showProgressOnList } from './list.js';
import { startNotebookView } from './notebook.js';

const token = takeToken();
if (document.body.classList.contains('notebook-page')) startNotebookView(token);
else if (document.body.classList.contains('index-page')) showProgressOnList();
else if (document.body.classList.contains('catch-up-page')) continueCatchUp();
