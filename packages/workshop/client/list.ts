/** The notebook list: each entry gets its progress bar from `localStorage`. */
import { NOTEBOOK_PATH } from '../src/protocol.js';
import { el } from './dom.js';
import { browserProgressStore, exercisesLabel, progressLabel } from './progress.js';

/** Adds a progress line under each notebook of the list. */
export function showProgressOnList(): void {
  const store = browserProgressStore();
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a.toc-title')) {
    const path = new URL(link.href).pathname;
    if (!path.startsWith(NOTEBOOK_PATH)) continue;
    const name = decodeURIComponent(path.slice(NOTEBOOK_PATH.length));
    const progress = store.read(name);
    const line = progress
      ? el(
          'div',
          { class: 'toc-progress' },
          el('progress', { max: String(progress.total), value: String(Math.min(progress.ran.length, progress.total)) }),
          ` ${progressLabel(progress)}`,
          ...(exercisesLabel(progress) ? [el('span', { class: 'toc-exercises' }, ` · ${exercisesLabel(progress)}`)] : []),
        )
      : el('div', { class: 'toc-progress not-started' }, 'not started');
    line.dataset['notebook'] = name;
    link.parentElement?.append(line);
  }
}
