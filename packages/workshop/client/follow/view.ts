/**
 * A follower's page (presenter mode): the instructor's notebook, read-only. The selected cell is
 * highlighted and, while following, scrolled into view; outputs are drawn as they stream, with the
 * workshop's own code (`run-state.ts`), from the HTML the server rendered and sanitised. The bar
 * says whether the page follows, and lets the learner stop following (to scroll freely) and
 * start again. Each code cell links "Run to here in my workshop" to the learner's own workshop
 * (`catch-up.ts`). The page sends the server nothing but heartbeats.
 */
import { CATCH_UP_PATH, FOLLOW_PROTOCOL, FOLLOW_SOCKET_PATH, HEARTBEAT_MS, NOTEBOOK_PATH, type FollowedCell, type FollowerMessage } from '../../src/present/protocol.js';
import type { KernelStatus } from '../../src/protocol.js';
import { Connection } from '../connection.js';
import { button, el } from '../dom.js';
import { setOutputs, showRunState } from '../run-state.js';

/** Where the learner's own workshop listens (kept in this origin's `localStorage`). */
const MY_WORKSHOP_KEY = 'scalable-ts.follow.my-workshop';
const DEFAULT_MY_WORKSHOP = 'http://127.0.0.1:8765';
/** Whether this tab follows (kept in `sessionStorage`, so moving between notebooks keeps it). */
const FOLLOWING_KEY = 'scalable-ts.follow.following';
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

const NO_TOKEN = 'This page has no follower token: open the address the instructor shows (it ends in ?token=…)';

/**
 * `text` as the origin of a workshop on this machine (`http://127.0.0.1:<port>`), or `undefined`:
 * the link never leads anywhere but the learner's own loopback workshop.
 */
export function myWorkshopOrigin(text: string): string | undefined {
  try {
    const url = new URL(text.trim().includes('://') ? text.trim() : `http://${text.trim()}`);
    return url.protocol === 'http:' && LOOPBACK.has(url.hostname) ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

function storage(kind: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    return window[kind];
  } catch {
    return undefined;
  }
}

/** Starts the follower view of this page (a notebook, or the list while the instructor has none open). */
export function startFollowing(token: string | undefined): void {
  const notebook = document.body.classList.contains('notebook-page') ? decodeURIComponent(location.pathname.slice(NOTEBOOK_PATH.length)) : null;
  new FollowView(notebook, token);
}

class FollowView {
  /** The notebook this page shows (`null`: the list). */
  readonly #notebook: string | null;
  readonly #cells = new Map<number, HTMLElement>();
  readonly #links: { anchor: HTMLAnchorElement; index: number }[] = [];
  readonly #state = el('span', { class: 'follow-state', role: 'status' });
  readonly #toggle: HTMLButtonElement;
  readonly #where = el('a', { class: 'follow-where', href: '#' });
  readonly #kernel = el('span', { class: 'follow-kernel' });
  readonly #myWorkshop = el('input', { class: 'my-workshop', type: 'text', spellcheck: 'false', size: '22', 'aria-label': 'Your own workshop’s address' });
  readonly #notice = el('span', { class: 'notice', role: 'status', 'aria-live': 'polite' });
  #following = storage('sessionStorage')?.getItem(FOLLOWING_KEY) !== 'no';
  #online = false;
  #presented: string | null = null;
  #selected: number | null = null;
  #seq: number | undefined;
  #origin: string;

  constructor(notebook: string | null, token: string | undefined) {
    this.#notebook = notebook;
    this.#origin = myWorkshopOrigin(storage('localStorage')?.getItem(MY_WORKSHOP_KEY) ?? '') ?? DEFAULT_MY_WORKSHOP;
    this.#myWorkshop.value = this.#origin;
    this.#myWorkshop.addEventListener('change', () => this.#setMyWorkshop());
    this.#toggle = button('', '', 'follow-toggle', () => this.#setFollowing(!this.#following));
    for (const element of document.querySelectorAll<HTMLElement>('article.notebook .cell[data-cell-index]')) {
      const index = Number(element.dataset['cellIndex']);
      this.#cells.set(index, element);
      if (!element.classList.contains('code-cell') || notebook === null) continue;
      const anchor = el('a', { class: 'catch-up-link', target: '_blank', rel: 'noopener noreferrer' }, '⇥ Run to here in my workshop');
      anchor.title = 'Open this notebook at this cell in your own workshop, which asks before running the cells above it';
      this.#links.push({ anchor, index });
      element.prepend(el('div', { class: 'cell-tools' }, anchor)); // shown as the workshop's cell buttons are
    }
    this.#updateLinks();
    const bar = el(
      'div',
      { class: 'workshop-bar follow-bar', role: 'toolbar', 'aria-label': 'Following' },
      this.#state,
      this.#toggle,
      this.#where,
      this.#kernel,
      el('label', { class: 'my-workshop-label' }, 'Your workshop: ', this.#myWorkshop),
      this.#notice,
    );
    document.querySelector('main')?.before(bar);
    document.body.classList.add('workshop-live', 'workshop-follow');
    this.#where.hidden = true;
    this.#where.addEventListener('click', (event) => {
      event.preventDefault();
      this.#setFollowing(true);
    });
    this.#show();
    const connection = new Connection<FollowerMessage, { type: 'heartbeat' }>(
      { path: FOLLOW_SOCKET_PATH, protocol: FOLLOW_PROTOCOL, noToken: NO_TOKEN },
      token,
      {
        onMessage: (message) => this.#onMessage(message),
        onOpenChange: (open) => {
          this.#online = open;
          this.#seq = undefined; // a new socket starts with the whole state
          this.#show();
        },
        onProblem: (message) => this.#say(message),
      },
    );
    setInterval(() => connection.send({ type: 'heartbeat' }), HEARTBEAT_MS);
  }

  #onMessage(message: FollowerMessage): void {
    if (this.#seq !== undefined && message.seq !== this.#seq + 1) this.#say(`Missed an update (${this.#seq} → ${message.seq}); reload to catch up`);
    this.#seq = message.seq;
    switch (message.type) {
      case 'notebook':
        this.#presented = message.notebook;
        this.#selected = message.selected;
        if (message.notebook === this.#notebook) {
          for (const cell of message.cells) this.#showCell(cell);
          if (message.kernel) this.#showKernel(message.kernel);
        }
        return this.#show();
      case 'select':
        this.#selected = message.index;
        return this.#showSelection();
      case 'cell':
        return this.#showCell(message);
      case 'kernel':
        return this.#showKernel(message);
      case 'cleared':
        for (const element of this.#cells.values()) if (element.classList.contains('code-cell') && !element.classList.contains('is-running')) setOutputs(element, '');
        return;
    }
  }

  /** Whether the instructor shows the notebook this page shows. */
  get #here(): boolean {
    return this.#presented !== null && this.#presented === this.#notebook;
  }

  #show(): void {
    if (this.#following && this.#presented !== null && !this.#here) {
      location.assign(`${NOTEBOOK_PATH}${encodeURIComponent(this.#presented)}`);
      return;
    }
    const state = !this.#online ? 'offline' : this.#following ? 'following' : 'paused';
    this.#state.dataset['state'] = state;
    this.#state.textContent =
      state === 'offline'
        ? 'Not connected to the presenter (reconnecting…)'
        : state === 'following'
          ? this.#presented === null
            ? 'Following: waiting for the instructor to open a notebook'
            : 'Following the instructor'
          : 'Not following: scroll freely';
    this.#toggle.textContent = this.#following ? '❚❚ Stop following' : '▶ Follow the instructor';
    this.#toggle.title = this.#following ? 'Stay where you are while the instructor moves on' : 'Go back to the instructor’s cell and stay with it';
    this.#where.hidden = this.#following || this.#presented === null || this.#here;
    this.#where.textContent = this.#presented === null ? '' : `The instructor is on ${this.#presented}`;
    this.#showSelection();
  }

  #showSelection(): void {
    for (const element of this.#cells.values()) element.classList.remove('is-selected');
    if (!this.#here || this.#selected === null) return;
    const element = this.#cells.get(this.#selected);
    element?.classList.add('is-selected');
    if (this.#following) element?.scrollIntoView({ block: 'center' });
  }

  #showCell(cell: FollowedCell): void {
    if (!this.#here) return;
    const element = this.#cells.get(cell.index);
    if (element?.classList.contains('code-cell')) showRunState(element, cell.state, cell.html, cell.executionCount);
  }

  #showKernel(status: KernelStatus): void {
    if (!this.#here) return;
    for (const [index, element] of this.#cells) {
      element.classList.toggle('is-running', status.running === index);
      element.classList.toggle('is-queued', status.queued.includes(index));
    }
    this.#kernel.dataset['state'] = status.state;
    this.#kernel.textContent = `Instructor’s kernel: ${status.state}`;
  }

  #setFollowing(following: boolean): void {
    this.#following = following;
    try {
      storage('sessionStorage')?.setItem(FOLLOWING_KEY, following ? 'yes' : 'no');
    } catch {
      // storage refused: following lasts as long as this page
    }
    this.#show();
  }

  #setMyWorkshop(): void {
    const origin = myWorkshopOrigin(this.#myWorkshop.value);
    if (!origin) {
      this.#say('Your workshop runs on this machine: give its address as http://127.0.0.1:<port>');
      this.#myWorkshop.value = this.#origin;
      return;
    }
    this.#origin = origin;
    this.#myWorkshop.value = origin;
    try {
      storage('localStorage')?.setItem(MY_WORKSHOP_KEY, origin);
    } catch {
      // kept for this page only
    }
    this.#updateLinks();
  }

  #updateLinks(): void {
    if (this.#notebook === null) return;
    for (const { anchor, index } of this.#links) {
      anchor.href = `${this.#origin}${CATCH_UP_PATH}?notebook=${encodeURIComponent(this.#notebook)}&cell=${index}`;
    }
  }

  #say(message: string): void {
    this.#notice.textContent = message;
    this.#notice.dataset['kind'] = 'problem';
  }
}
