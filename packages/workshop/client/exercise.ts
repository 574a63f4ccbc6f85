/**
 * An exercise on the live page (issue 17): the starter cell (tag `exercise`), its checks
 * (`exercise-check`) and its solution (`solution`), three code cells in a row.
 *
 * **Check** runs the learner's current starter, then the checks, on the notebook's kernel, and
 * lists each check passed or failed with its hint (from the structured result `checks()` emits).
 * The solution cell stays hidden until the learner has checked once; then **Show solution**
 * reveals it. Whether an exercise was tried and solved is kept in the browser, as progress is.
 */
import type { ChecksResult } from '@scalable-ts/exercises';
import { EXERCISE_TAGS } from '@scalable-ts/notebook/tags';
import type { CellView } from '../src/protocol.js';
import type { CodeCellView } from './cell.js';
import { button, el } from './dom.js';

/** What an exercise asks of the page. */
export interface ExerciseActions {
  /** Run the starter (with the learner's code), then the checks. */
  check(exercise: ExerciseView): void;
  /** The checks finished: `solved` when every one passed. */
  checked(exercise: ExerciseView, solved: boolean): void;
}

/** Finds the exercises among the code cells, in page order. */
export function findExercises(cells: readonly CodeCellView[]): { starter: CodeCellView; check: CodeCellView; solution: CodeCellView | undefined }[] {
  const found = [];
  for (let i = 0; i + 1 < cells.length; i++) {
    const starter = cells[i] as CodeCellView;
    const check = cells[i + 1] as CodeCellView;
    if (!starter.hasTag(EXERCISE_TAGS.exercise) || !check.hasTag(EXERCISE_TAGS.check)) continue;
    const next = cells[i + 2];
    found.push({ starter, check, solution: next?.hasTag(EXERCISE_TAGS.solution) ? next : undefined });
  }
  return found;
}

/** One exercise's panel, under its checks. */
export class ExerciseView {
  readonly number: number;
  readonly starter: CodeCellView;
  readonly checkCell: CodeCellView;
  readonly solution: CodeCellView | undefined;
  readonly #actions: ExerciseActions;
  readonly #status: HTMLElement;
  readonly #results: HTMLUListElement;
  readonly #show: HTMLButtonElement;
  #waiting = false;

  constructor(number: number, cells: { starter: CodeCellView; check: CodeCellView; solution: CodeCellView | undefined }, actions: ExerciseActions, tried: boolean) {
    this.number = number;
    this.starter = cells.starter;
    this.checkCell = cells.check;
    this.solution = cells.solution;
    this.#actions = actions;
    this.#status = el('span', { class: 'exercise-status', role: 'status' }, 'Edit the starter above, then press Check.');
    this.#results = el('ul', { class: 'check-results' });
    this.#show = button('Show solution', 'Reveal the reference answer', 'exercise-show-solution', () => this.showSolution());
    this.#show.hidden = !tried || !this.solution;
    const panel = el(
      'div',
      { class: 'exercise-panel', 'data-exercise': String(number) },
      el('div', { class: 'exercise-tools' }, button('✓ Check', 'Run your starter, then the checks', 'exercise-check', () => this.check()), this.#show, this.#status),
      this.#results,
    );
    this.checkCell.element.after(panel);
    this.starter.element.classList.add('exercise-starter');
    if (this.solution) this.solution.element.hidden = true;
  }

  /** The key the exercise is recorded under: its starter cell's. */
  get key(): string {
    return this.starter.progressKey;
  }

  /** Runs the learner's starter and the checks. */
  check(): void {
    this.#waiting = true;
    this.#status.className = 'exercise-status';
    this.#status.textContent = 'Checking…';
    this.#results.replaceChildren();
    this.#actions.check(this);
  }

  /** Reveals the solution cell (only offered after a first Check). */
  showSolution(): void {
    if (!this.solution) return;
    this.solution.element.hidden = false;
    for (const details of this.solution.element.querySelectorAll('details')) details.open = true;
    this.#show.hidden = true;
    this.solution.element.scrollIntoView({ block: 'nearest' });
  }

  /** Follows the runs of the starter and the checks while a Check is under way. */
  onCell(view: CellView): void {
    if (!this.#waiting) return;
    if (view.index === this.starter.index && view.state === 'error') {
      this.#done(false, 'Your starter did not run: see its error above, fix it, and Check again.');
    } else if (view.index === this.checkCell.index && (view.state === 'ok' || view.state === 'error')) {
      if (view.checks) this.#showResults(view.checks);
      else this.#done(false, 'The checks did not run: see the error in the cell above.');
    } else if (view.index === this.checkCell.index && view.state === 'cancelled') {
      this.#done(false, 'The checks were cancelled.');
    }
  }

  #showResults(result: ChecksResult): void {
    this.#results.replaceChildren(
      ...result.checks.map((check) =>
        el(
          'li',
          { class: check.passed ? 'check-passed' : 'check-failed' },
          `${check.passed ? '✔' : '✘'} ${check.name}`,
          ...(check.passed || !check.hint ? [] : [el('span', { class: 'check-hint' }, check.hint)]),
        ),
      ),
    );
    const solved = result.failed === 0;
    this.#done(solved, solved ? `Solved: all ${result.total} checks pass.` : `${result.passed} of ${result.total} checks pass.`);
  }

  #done(solved: boolean, message: string): void {
    this.#waiting = false;
    this.#status.className = `exercise-status ${solved ? 'is-solved' : 'is-failing'}`;
    this.#status.textContent = message;
    this.starter.element.classList.toggle('is-solved', solved);
    if (this.solution && this.solution.element.hidden) this.#show.hidden = false;
    this.#actions.checked(this, solved);
  }
}
