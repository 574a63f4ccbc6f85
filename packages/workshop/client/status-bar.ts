/**
 * The bar that stays at the top of a notebook view: the kernel's state, the cell it is running
 * (a link to it), how many wait, and the notebook-wide buttons.
 */
import type { KernelStatus } from '../src/protocol.js';
import { button, el } from './dom.js';

/** What the bar's buttons do. */
export interface BarActions {
  interrupt(): void;
  restart(): void;
  clear(): void;
  save(): void;
}

const STATE_LABELS: Readonly<Record<string, string>> = {
  stopped: 'stopped (starts on the next run)',
  starting: 'starting…',
  idle: 'idle',
  busy: 'busy',
  dead: 'dead',
  offline: 'disconnected (reconnecting…)',
};

/** The sticky status bar. */
export class StatusBar {
  readonly element: HTMLElement;
  readonly #state = el('span', { class: 'kernel-state', 'data-state': 'offline', role: 'status' });
  readonly #running = el('a', { class: 'running-cell', href: '#' });
  readonly #queue = el('span', { class: 'queue-length' });
  readonly #notice = el('span', { class: 'notice', role: 'status', 'aria-live': 'polite' });
  readonly #presenting = el('a', { class: 'presenting', target: '_blank', rel: 'noopener noreferrer' });
  readonly #save: HTMLButtonElement;

  constructor(actions: BarActions) {
    this.#save = button('Save', 'Write your edits and this session’s outputs to the notebook file', 'save', actions.save);
    this.element = el(
      'div',
      { class: 'workshop-bar', role: 'toolbar', 'aria-label': 'Kernel' },
      el('span', { class: 'kernel-label' }, 'Kernel: ', this.#state),
      this.#running,
      this.#queue,
      el(
        'span',
        { class: 'bar-buttons' },
        button('■ Interrupt', 'Stop the running cell and the cells waiting', 'interrupt', actions.interrupt),
        button('⟳ Restart', 'Start a fresh kernel: every variable is gone', 'restart', actions.restart),
        button('Clear outputs', 'Empty every output on this page', 'clear', actions.clear),
        this.#save,
      ),
      this.#notice,
      this.#presenting,
      el(
        'details',
        { class: 'shortcuts' },
        el('summary', {}, 'Keys'),
        el(
          'dl',
          {},
          ...[
            ['Shift+Enter', 'run the cell, go to the next'],
            ['Ctrl+Enter', 'run the cell, stay'],
            ['Enter', 'edit the selected cell'],
            ['Esc', 'leave the editor'],
            ['k / j', 'select the previous / next cell'],
          ].flatMap(([key, what]) => [el('dt', {}, el('kbd', {}, key ?? '')), el('dd', {}, what ?? '')]),
        ),
      ),
    );
    this.#running.hidden = true;
    this.#presenting.hidden = true;
  }

  /** Presenter mode: how many follow this workshop, linking the follower page (its URL carries the follower token, not this page's). */
  presenting(followers: number, followerUrl: string): void {
    this.#presenting.hidden = false;
    this.#presenting.textContent = `Presenting · ${followers} following`;
    this.#presenting.href = followerUrl;
    this.#presenting.title = `Followers open ${followerUrl}`;
  }

  /** Shows the kernel's status; `runningLabel` describes the running cell. */
  show(status: KernelStatus | 'offline', runningLabel?: string, runningHref?: string): void {
    const state = status === 'offline' ? 'offline' : status.state;
    this.#state.dataset['state'] = state;
    this.#state.textContent = STATE_LABELS[state] ?? state;
    this.#state.title = status === 'offline' ? '' : (status.message ?? '');
    this.#running.hidden = runningLabel === undefined;
    this.#running.textContent = runningLabel ?? '';
    this.#running.href = runningHref ?? '#';
    const waiting = status === 'offline' ? 0 : status.queued.length;
    this.#queue.textContent = waiting > 0 ? `${waiting} waiting` : '';
    if (status !== 'offline' && status.message) this.say(status.message);
  }

  /** Shows a short message (saved, a problem, why the kernel stopped). */
  say(message: string, kind: 'info' | 'problem' = 'info'): void {
    this.#notice.textContent = message;
    this.#notice.dataset['kind'] = kind;
  }

  /** Names the file Save writes and whether there is anything unsaved. */
  setSave(path: string, edits: number): void {
    this.#save.title = `Write your edits and this session’s outputs to ${path}`;
    this.#save.textContent = edits > 0 ? `Save ${edits} edit${edits === 1 ? '' : 's'}` : 'Save';
  }
}
