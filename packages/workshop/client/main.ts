/**
 * The workshop's page script, bundled by `bundle.mjs` into `dist/client/workshop.js`. Module
 * scripts run after the document is parsed, so the rendered page is there to enhance.
 */
import { stripTokenFromAddress } from './address.js';
import { showProgressOnList } from './list.js';
import { startNotebookView } from './notebook.js';

stripTokenFromAddress();
if (document.body.classList.contains('notebook-page')) startNotebookView();
else if (document.body.classList.contains('index-page')) showProgressOnList();
