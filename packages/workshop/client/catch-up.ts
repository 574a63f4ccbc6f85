/**
 * The learner's side of "Run to here in my workshop" (see `src/present/catch-up.ts` for why it
 * takes two steps and the learner's click). The landing page (`/catch-up?notebook=…&cell=…`,
 * reached from the presenter's page) moves on, on this workshop's own origin, to
 * `/nb/<name>?catch-up=<cell>`; that notebook page selects the cell and offers to run the code
 * cells above it. Nothing runs until the learner presses the offer's button.
 */
import { CATCH_UP_PARAM } from '../src/present/protocol.js';
import { NOTEBOOK_PATH } from '../src/protocol.js';
import { button, el } from './dom.js';

/** A cell index as the URL gives it, or `undefined` for anything else. */
const cellIndex = (text: string | null): number | undefined => (text !== null && /^\d{1,6}$/.test(text) ? Number(text) : undefined);

/** On the landing page: goes on to the notebook page, which asks before running anything. */
export function continueCatchUp(): void {
  const params = new URL(location.href).searchParams;
  const notebook = params.get('notebook');
  const cell = cellIndex(params.get('cell'));
  const waiting = document.querySelector('.catch-up-waiting');
  if (!notebook || cell === undefined) {
    if (waiting) waiting.textContent = 'This link names no notebook and cell: go back to the presenter’s page and click “Run to here in my workshop” again.';
    return;
  }
  location.replace(`${NOTEBOOK_PATH}${encodeURIComponent(notebook)}?${CATCH_UP_PARAM}=${cell}`);
}

/** The cell a notebook page was asked to catch up to, taken out of the address bar (a reload does not ask again). */
export function takeCatchUpTarget(): number | undefined {
  const url = new URL(location.href);
  if (!url.searchParams.has(CATCH_UP_PARAM)) return undefined;
  const cell = cellIndex(url.searchParams.get(CATCH_UP_PARAM));
  url.searchParams.delete(CATCH_UP_PARAM);
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
  return cell;
}

/**
 * The offer, shown right above the cell: run the `above` code cells above cell `target`, or not. It
 * goes away either way; `run` is called only from the learner's click.
 */
export function catchUpOffer(target: number, above: number, run: () => void): HTMLElement {
  const offer = el('div', { class: 'catch-up-offer', role: 'dialog', 'aria-label': 'Catch up' });
  const close = () => offer.remove();
  if (above === 0) {
    offer.append(el('p', {}, `Here is the presenter’s cell (cell ${target}). Nothing above it needs to run.`), button('OK', 'Close this note', 'catch-up-dismiss', close));
    return offer;
  }
  const cells = `${above} code cell${above === 1 ? '' : 's'}`;
  offer.append(
    el('p', {}, `Catch up to the presenter’s cell (cell ${target}): run the ${cells} above it here, in your workshop, on your kernel?`),
    button(`▶ Run the ${cells} above`, 'Run them in order, as Run to here does (cells tagged skip-execution are skipped)', 'catch-up-run', () => {
      close();
      run();
    }),
    button('Not now', 'Close this offer; nothing runs', 'catch-up-dismiss', close),
  );
  return offer;
}
