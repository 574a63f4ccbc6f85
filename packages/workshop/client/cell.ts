/**
 * One code cell of the page: its buttons, its editor, its prompt and its outputs.
 *
 * The page arrives rendered by `@scalable-ts/render` (highlighted source in `.source`, committed
 * outputs in `.outputs`). Editing swaps the highlighted code for a `<textarea>`; while the text
 * differs from the notebook's, the cell is "edited" and shows "Reset", which brings the
 * highlighted original back. Outputs are replaced by the HTML the server renders as they stream.
 */
import { EXERCISE_TAGS, tagPolicy } from '@scalable-ts/notebook/tags';
import type { CellRunState } from '../src/protocol.js';
import { button, el } from './dom.js';
import { comparePrediction } from './predict.js';
import { setOutputs, showRunState } from './run-state.js';

/** What a cell asks the page to do. */
export interface CellActions {
  run(cell: CodeCellView): void;
  runToHere(cell: CodeCellView): void;
  select(cell: CodeCellView): void;
  edited(cell: CodeCellView): void;
}


/** A code cell's element and its live state. */
export class CodeCellView {
  readonly element: HTMLElement;
  readonly index: number;
  readonly #actions: CellActions;
  readonly #source: HTMLElement | null;
  readonly #reset: HTMLButtonElement;
  /** The learner's expected output, for a cell tagged `predict`. */
  readonly #prediction: HTMLTextAreaElement | undefined;
  readonly #predictionResult: HTMLElement | undefined;
  /** The markdown cell right after a predict cell, and the line standing in for it until the cell ran. */
  #explanation: HTMLElement | undefined;
  #explanationNote: HTMLElement | undefined;
  #original = '';
  #editor: HTMLTextAreaElement | undefined;

  constructor(element: HTMLElement, index: number, actions: CellActions) {
    this.element = element;
    this.index = index;
    this.#actions = actions;
    this.#source = element.querySelector<HTMLElement>('.source');
    this.#reset = button('↺ Reset', 'Bring back the code as the notebook has it', 'cell-reset', () => this.reset());
    this.#reset.hidden = true;
    const tools = el(
      'div',
      { class: 'cell-tools' },
      button('▶ Run', 'Run this cell (Ctrl+Enter; Shift+Enter runs it and moves on)', 'cell-run', () => actions.run(this)),
      button('⇥ Run to here', 'Run every code cell from the top down to this one', 'cell-run-to-here', () => actions.runToHere(this)),
      ...(this.#source ? [button('✎ Edit', 'Edit this cell (Enter); your edit stays in this page unless you save', 'cell-edit', () => this.edit())] : []),
      this.#reset,
    );
    element.prepend(tools);
    this.#source?.addEventListener('dblclick', () => this.edit());
    if (this.hasTag(EXERCISE_TAGS.predict)) {
      this.#prediction = el('textarea', { class: 'predict-input', rows: '3', spellcheck: 'false', 'aria-label': `The output you expect from cell ${this.index}` });
      this.#predictionResult = el('div', { class: 'predict-result', role: 'status' });
      const box = el(
        'div',
        { class: 'predict' },
        el('p', { class: 'predict-label' }, 'Predict first: type the output you expect, one line per line printed, then run the cell.'),
        this.#prediction,
        this.#predictionResult,
      );
      const input = element.querySelector('.input');
      (input?.closest('details.input-toggle') ?? input)?.after(box);
      this.#explanation = element.nextElementSibling?.classList.contains('markdown-cell') ? (element.nextElementSibling as HTMLElement) : undefined;
      if (this.#explanation) {
        // The markdown after a predict cell explains its output: it waits until the cell has run.
        this.#explanation.hidden = true;
        this.#explanationNote = el('p', { class: 'predict-later' }, 'The explanation follows once you have run the cell.');
        this.#explanation.before(this.#explanationNote);
      }
    }
  }

  /** Shows the explanation after a predict cell (once it has run). */
  revealExplanation(): void {
    if (this.#explanation) this.#explanation.hidden = false;
    this.#explanationNote?.remove();
  }

  /** The cell's tags, as the rendered page carries them (`data-tags`). */
  get tags(): string[] {
    return (this.element.dataset['tags'] ?? '').split(' ').filter((tag) => tag !== '');
  }

  /** Whether the cell carries `tag`. */
  hasTag(tag: string): boolean {
    return this.tags.includes(tag);
  }

  /** For a `predict` cell: whether the learner has typed what they expect (so it may run). */
  get predicted(): boolean {
    return !this.#prediction || this.#prediction.value.trim() !== '';
  }

  /** Asks for the prediction before the cell runs: focuses the box and says why. */
  askPrediction(): void {
    if (!this.#prediction || !this.#predictionResult) return;
    this.#predictionResult.className = 'predict-result is-asking';
    this.#predictionResult.textContent = 'Write down what you expect first; then run it again.';
    this.#prediction.focus();
  }

  /** Compares what the cell printed with the prediction and says how they differ. */
  showPrediction(stdout: string): void {
    if (!this.#prediction || !this.#predictionResult) return;
    const { same, rows } = comparePrediction(this.#prediction.value, stdout);
    this.#predictionResult.className = `predict-result ${same ? 'is-right' : 'is-wrong'}`;
    this.#predictionResult.replaceChildren(
      el('p', {}, same ? '✔ Just as you predicted.' : '✘ Not what you predicted: the lines that differ are marked. The text below explains the order.'),
      ...(same
        ? []
        : [
            el(
              'table',
              { class: 'predict-diff' },
              el('tr', {}, el('th', {}, 'you expected'), el('th', {}, 'it printed')),
              ...rows.map((row) => el('tr', row.same ? {} : { class: 'differs' }, el('td', {}, row.expected ?? ''), el('td', {}, row.actual ?? ''))),
            ),
          ]),
    );
  }

  /** The code to run: the learner's edit, or the notebook's. */
  get source(): string {
    return this.#editor?.value ?? this.#original;
  }

  /** Whether the learner changed the code. */
  get edited(): boolean {
    return this.#editor !== undefined && this.#editor.value !== this.#original;
  }

  /** Whether a failure of this cell is part of the lesson (`raises-exception`). */
  get raises(): boolean {
    return tagPolicy(this.tags).raises;
  }

  /** The key progress is recorded under: the cell's id, else its position. */
  get progressKey(): string {
    return this.element.id || `#${this.index}`;
  }

  /** Sets the notebook's code (on `hello` and after a save). An edit equal to it is dropped. */
  setOriginal(source: string): void {
    this.#original = source;
    if (this.#editor && this.#editor.value === source && document.activeElement !== this.#editor) this.#closeEditor();
    this.#markEdited();
  }

  /** Brings back an edit kept in the browser (a starter's, across a reload), without focusing it. */
  restoreEdit(source: string): void {
    if (source === this.#original) return;
    this.edit(false);
    if (!this.#editor) return;
    this.#editor.value = source;
    this.#fit();
    this.#markEdited();
  }

  /** Opens the editor (and focuses it, unless `focus` is false) with the cursor at the end. */
  edit(focus = true): void {
    if (!this.#source) return;
    if (!this.#editor) {
      const editor = el('textarea', { class: 'cell-editor', spellcheck: 'false', 'aria-label': `Code of cell ${this.index}` });
      editor.value = this.#original;
      editor.addEventListener('input', () => {
        this.#fit();
        this.#markEdited();
      });
      editor.addEventListener('keydown', (event) => this.#onEditorKey(event));
      editor.addEventListener('blur', () => {
        if (!this.edited) this.#closeEditor();
      });
      editor.addEventListener('focus', () => this.#actions.select(this));
      this.#source.classList.add('is-editing');
      this.element.classList.add('is-editing');
      this.#source.append(editor);
      this.#editor = editor;
      this.#fit();
    }
    if (focus) this.#editor.focus();
  }

  /** Leaves the editor; an unedited cell shows its highlighted code again. */
  stopEditing(): void {
    this.#editor?.blur();
  }

  /** Brings back the notebook's code. */
  reset(): void {
    this.#closeEditor();
    this.#markEdited();
  }

  /** Shows a run state: prompt, classes, and (when given) the outputs and execution count. */
  show(state: CellRunState, html?: string, executionCount?: number | null): void {
    showRunState(this.element, state, html, executionCount);
  }

  /** Replaces the outputs with `html` (rendered by the server like the static site). */
  setOutputs(html: string): void {
    setOutputs(this.element, html);
  }

  #onEditorKey(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.stopEditing();
    } else if (event.key === 'Tab' && !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      const editor = event.target as HTMLTextAreaElement;
      editor.setRangeText('  ', editor.selectionStart, editor.selectionEnd, 'end');
      editor.dispatchEvent(new Event('input'));
    }
  }

  #fit(): void {
    if (!this.#editor) return;
    this.#editor.rows = Math.max(2, this.#editor.value.split('\n').length);
  }

  #closeEditor(): void {
    this.#editor?.remove();
    this.#editor = undefined;
    this.#source?.classList.remove('is-editing');
    this.element.classList.remove('is-editing');
  }

  #markEdited(): void {
    const edited = this.edited;
    this.element.classList.toggle('is-edited', edited);
    this.#reset.hidden = !edited;
    this.#actions.edited(this);
  }
}
