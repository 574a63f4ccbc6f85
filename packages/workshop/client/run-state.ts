/**
 * Drawing a code cell's run state and outputs: shared by the workshop's cells and a follower's
 * page, so both show a cell exactly alike. The HTML comes from the server, rendered and
 * sanitised by `@scalable-ts/render` like the static site; it is placed as it is, never rewritten.
 */
import type { CellRunState } from '../src/protocol.js';
import { el } from './dom.js';

const RUN_CLASSES = ['is-queued', 'is-running', 'has-error', 'was-cancelled'];

/** Shows a run state on cell `element`: prompt, classes, and (when given) the outputs and execution count. */
export function showRunState(element: HTMLElement, state: CellRunState, html?: string, executionCount?: number | null): void {
  element.classList.remove(...RUN_CLASSES);
  if (state === 'queued') element.classList.add('is-queued');
  if (state === 'running') element.classList.add('is-running');
  if (state === 'error') element.classList.add('has-error');
  if (state === 'cancelled') element.classList.add('was-cancelled');
  if (state === 'queued' || state === 'running') setPrompt(element, '*');
  else if (state === 'cancelled') setPrompt(element, ' ');
  else if (executionCount !== undefined) setPrompt(element, executionCount === null ? ' ' : String(executionCount));
  if (html !== undefined) setOutputs(element, html);
}

/** Replaces cell `element`'s outputs with `html`. */
export function setOutputs(element: HTMLElement, html: string): void {
  outputsOf(element).innerHTML = html;
}

function setPrompt(element: HTMLElement, count: string): void {
  const prompt = element.querySelector<HTMLElement>('.prompt-in');
  if (prompt) prompt.textContent = `In [${count}]:`;
}

/** The outputs container, created after the input when the page had none. */
function outputsOf(element: HTMLElement): HTMLElement {
  const existing = element.querySelector<HTMLElement>('.outputs');
  if (existing) return existing;
  const outputs = el('div', { class: 'outputs' });
  const input = element.querySelector('.input');
  const anchor = input?.closest('details.input-toggle') ?? input;
  if (anchor) anchor.after(outputs);
  else element.append(outputs);
  return outputs;
}
