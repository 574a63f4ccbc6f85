/**
 * A notebook's live view: wires the rendered page to its session on the server.
 *
 * Every cell the renderer marked with `data-cell-index` is selectable; code cells get a
 * {@link CodeCellView}. Runs go to the server with each cell's current code (the learner's edit,
 * if any); what comes back (`kernel`, `cell`, …) is drawn as it arrives. Keys follow Jupyter:
 * Shift+Enter runs and moves on, Ctrl+Enter runs in place.
 */
import { NOTEBOOK_PATH, type CellView, type ClientMessage, type KernelStatus, type RunMode, type ServerMessage } from '../src/protocol.js';
import { sourceHeadline } from '@scalable-ts/notebook/headline';
import { EXERCISE_TAGS } from '@scalable-ts/notebook/tags';
import { catchUpOffer, takeCatchUpTarget } from './catch-up.js';
import { CodeCellView } from './cell.js';
import { Connection } from './connection.js';
import { ExerciseView, findExercises } from './exercise.js';
import { browserEditStore, browserProgressStore } from './progress.js';
import { StatusBar } from './status-bar.js';

/** Starts the live view of the notebook this page shows; `token` opens its WebSocket. */
export function startNotebookView(token: string | undefined): void {
  const name = decodeURIComponent(location.pathname.slice(NOTEBOOK_PATH.length));
  new NotebookView(name, token);
}

class NotebookView {
  readonly #name: string;
  readonly #cells: HTMLElement[];
  readonly #code = new Map<number, CodeCellView>();
  readonly #bar: StatusBar;
  readonly #connection: Connection;
  readonly #progress = browserProgressStore();
  readonly #edits = browserEditStore();
  readonly #exercises: ExerciseView[];
  /** `predict` cells run with a prediction, whose output is to be compared when they finish. */
  readonly #predicting = new Set<number>();
  /** Whether the kept starter edits were brought back (edits are kept only from then on). */
  #restored = false;
  #selected = -1;
  #version = '';
  #path = '';
  #status: KernelStatus | undefined;
  /** The cell a presenter's page sent the learner to (`?catch-up=`), offered once the session said hello. */
  #catchUp = takeCatchUpTarget();

  constructor(name: string, token: string | undefined) {
    this.#name = name;
    this.#cells = [...document.querySelectorAll<HTMLElement>('article.notebook .cell[data-cell-index]')];
    const actions = {
      run: (cell: CodeCellView) => this.#run([cell], 'cell'),
      runToHere: (cell: CodeCellView) => this.#runToHere(cell),
      select: (cell: CodeCellView) => this.#select(this.#cells.indexOf(cell.element), false),
      edited: (cell: CodeCellView) => {
        this.#showEdits();
        this.#keepEdit(cell);
      },
    };
    for (const element of this.#cells) {
      const index = Number(element.dataset['cellIndex']);
      if (element.classList.contains('code-cell')) this.#code.set(index, new CodeCellView(element, index, actions));
      element.addEventListener('click', () => this.#select(this.#cells.indexOf(element), false));
    }
    const tried = new Set(this.#progress.read(name)?.tried ?? []);
    this.#exercises = findExercises([...this.#code.values()]).map(
      (cells, i) =>
        new ExerciseView(
          i + 1,
          cells,
          {
            check: (exercise) => this.#run([exercise.starter, exercise.checkCell], 'cell'),
            checked: (exercise, solved) => this.#progress.markChecked(this.#name, exercise.key, solved),
          },
          tried.has(cells.starter.progressKey),
        ),
    );
    this.#bar = new StatusBar({
      interrupt: () => this.#send({ type: 'interrupt' }),
      restart: () => this.#send({ type: 'restart' }),
      clear: () => this.#send({ type: 'clear' }),
      save: () => this.#save(),
    });
    document.querySelector('main')?.before(this.#bar.element);
    document.body.classList.add('workshop-live');
    this.#markPastRuns();
    this.#select(0, false);
    document.addEventListener('keydown', (event) => this.#onKey(event));
    window.addEventListener('focus', () => this.#sendPosition()); // with --present: this tab is the one followers see
    this.#connection = new Connection(name, token, {
      onMessage: (message) => this.#onMessage(message),
      onOpenChange: (open) => {
        document.body.classList.toggle('is-offline', !open);
        if (!open) this.#bar.show('offline');
      },
      onProblem: (message) => this.#bar.say(message, 'problem'),
    });
  }

  #send(message: ClientMessage): void {
    if (!this.#connection.send(message)) this.#bar.say('Not connected to the workshop server', 'problem');
  }

  #run(cells: readonly CodeCellView[], mode: RunMode): void {
    if (cells.length === 0) return;
    const [only] = cells;
    // A predict cell run on its own asks for the expected output first.
    if (mode === 'cell' && cells.length === 1 && only && !only.predicted) return only.askPrediction();
    for (const cell of cells) if (cell.hasTag(EXERCISE_TAGS.predict) && cell.predicted) this.#predicting.add(cell.index);
    this.#send({ type: 'run', mode, cells: cells.map((cell) => ({ index: cell.index, source: cell.source })) });
  }

  #runToHere(target: CodeCellView): void {
    this.#run([...this.#code.values()].filter((cell) => cell.index <= target.index), 'to-here');
  }

  #save(): void {
    const sources = [...this.#code.values()].filter((cell) => cell.edited).map((cell) => ({ index: cell.index, source: cell.source }));
    this.#send({ type: 'save', version: this.#version, sources });
  }

  #onMessage(message: ServerMessage): void {
    switch (message.type) {
      case 'hello':
        this.#version = message.version;
        this.#path = message.path;
        message.sources.forEach((source, index) => {
          if (source !== null) this.#code.get(index)?.setOriginal(source);
        });
        this.#restoreEdits();
        for (const cell of message.cells) this.#showCell(cell);
        this.#showStatus(message.kernel);
        this.#progress.setTotal(this.#name, this.#code.size, this.#exercises.length);
        this.#showEdits();
        this.#sendPosition();
        if (this.#catchUp !== undefined) this.#offerCatchUp(this.#catchUp);
        break;
      case 'presenting':
        this.#bar.presenting(message.followers, message.followerUrl);
        break;
      case 'kernel':
        this.#showStatus(message);
        break;
      case 'cell':
        this.#showCell(message);
        break;
      case 'cleared':
        for (const cell of this.#code.values()) if (cell.index !== this.#status?.running) cell.setOutputs('');
        break;
      case 'saved':
        this.#version = message.version;
        message.sources.forEach((source, index) => {
          if (source !== null) this.#code.get(index)?.setOriginal(source);
        });
        this.#bar.say(`Saved to ${message.path}`);
        break;
      case 'problem':
        this.#bar.say(message.message, 'problem');
        break;
    }
  }

  #showCell(view: CellView): void {
    const cell = this.#code.get(view.index);
    if (!cell) return;
    cell.show(view.state, view.html, view.executionCount);
    for (const exercise of this.#exercises) exercise.onCell(view);
    if (view.stdout !== undefined && this.#predicting.delete(view.index)) cell.showPrediction(view.stdout);
    if (view.state === 'ok' || view.state === 'error') cell.revealExplanation();
    if (view.state === 'ok' || (view.state === 'error' && cell.raises)) {
      this.#progress.markRun(this.#name, cell.progressKey, this.#code.size);
      cell.element.classList.add('was-run');
    }
  }

  #showStatus(status: KernelStatus): void {
    this.#status = status;
    const running = status.running === null ? undefined : this.#code.get(status.running);
    for (const cell of this.#code.values()) {
      cell.element.classList.toggle('is-running', cell === running);
      cell.element.classList.toggle('is-queued', status.queued.includes(cell.index));
    }
    const ordinal = running ? [...this.#code.keys()].indexOf(running.index) + 1 : 0;
    const label = running ? `Running code cell ${ordinal}: ${sourceHeadline(running.source)}` : undefined;
    this.#bar.show(status, label, running?.element.id ? `#${running.element.id}` : undefined);
  }

  #showEdits(): void {
    if (!this.#bar) return; // cells report edits while the view is being built
    this.#bar.setSave(this.#path, [...this.#code.values()].filter((cell) => cell.edited).length);
  }

  /** Brings back the starter edits kept in the browser (once, after the first `hello`). */
  #restoreEdits(): void {
    if (this.#restored) return;
    for (const { starter } of this.#exercises) {
      const kept = this.#edits.read(this.#name, starter.progressKey);
      if (kept !== undefined) starter.restoreEdit(kept);
    }
    this.#restored = true;
  }

  /** Keeps a starter's edit in the browser until Reset (other cells' edits stay in the page). */
  #keepEdit(cell: CodeCellView): void {
    if (!this.#restored || !cell.hasTag(EXERCISE_TAGS.exercise)) return;
    this.#edits.write(this.#name, cell.progressKey, cell.edited ? cell.source : undefined);
  }

  #markPastRuns(): void {
    const ran = new Set(this.#progress.read(this.#name)?.ran ?? []);
    for (const cell of this.#code.values()) cell.element.classList.toggle('was-run', ran.has(cell.progressKey));
  }

  #select(position: number, scroll: boolean): void {
    if (position < 0 || position >= this.#cells.length) return;
    this.#cells[this.#selected]?.classList.remove('is-selected');
    this.#selected = position;
    const element = this.#cells[position];
    element?.classList.add('is-selected');
    if (scroll) element?.scrollIntoView({ block: 'nearest' });
    this.#sendPosition();
  }

  /** Tells the server the selected cell (followers see it with --present; ignored otherwise). */
  #sendPosition(): void {
    const index = Number(this.#cells[this.#selected]?.dataset['cellIndex']);
    if (this.#connection?.open && Number.isInteger(index)) this.#connection.send({ type: 'position', index });
  }

  #offerCatchUp(index: number): void {
    this.#catchUp = undefined;
    const position = this.#cells.findIndex((element) => Number(element.dataset['cellIndex']) === index);
    if (position < 0) return this.#bar.say(`This notebook has no cell ${index}: is it the presenter’s notebook?`, 'problem');
    this.#select(position, false);
    const above = [...this.#code.values()].filter((cell) => cell.index < index);
    const offer = catchUpOffer(index, above.length, () => this.#run(above, 'to-here'));
    this.#cells[position]?.before(offer); // right above the cell, both in view
    offer.scrollIntoView({ block: 'start' });
  }

  #selectedCode(): CodeCellView | undefined {
    const element = this.#cells[this.#selected];
    return element ? this.#code.get(Number(element.dataset['cellIndex'])) : undefined;
  }

  #onKey(event: KeyboardEvent): void {
    const typing = event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLInputElement;
    if (event.key === 'Enter' && (event.shiftKey || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      const cell = this.#selectedCode();
      if (cell) this.#run([cell], 'cell');
      if (event.shiftKey) {
        cell?.stopEditing();
        this.#select(this.#selected + 1, true);
      }
      return;
    }
    if (typing || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'j') this.#select(this.#selected + 1, true);
    else if (event.key === 'k') this.#select(this.#selected - 1, true);
    else if (event.key === 'Enter' && this.#selectedCode() && !(event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement)) {
      this.#selectedCode()?.edit();
    } else return;
    event.preventDefault();
  }
}
