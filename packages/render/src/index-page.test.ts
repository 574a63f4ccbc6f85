import { expect, test } from 'vitest';
import { fileNumber } from './index-page.js';
import { renderIndexPage } from './index.js';

const entries = [{ href: '/nb/01-queues', title: 'Queues <1>', summary: 'Where work waits.' }];

test('lists entries with number, escaped title, summary and link; no script by default', () => {
  const html = renderIndexPage(entries, { siteTitle: 'Workshop', stylesheetHref: 'site.css' });
  expect(html).toContain('<span class="toc-number">01</span>');
  expect(html).toContain('<a class="toc-title" href="/nb/01-queues">Queues &lt;1&gt;</a><p class="toc-summary">Where work waits.</p>');
  expect(html).not.toMatch(/<script/i);
});

test('numbers each entry by its file, not by its place in the list', () => {
  const html = renderIndexPage(
    [
      { href: '00-welcome.html', title: 'Welcome', summary: '' },
      { href: '/notebooks/03-iterators-generators.ipynb?x=1', title: 'Iterators', summary: '' },
      { href: 'notes.html', title: 'Unnumbered', summary: '' },
      { href: '12-auth.html', title: 'Given', summary: '', number: '12a' },
    ],
    { siteTitle: 'W', stylesheetHref: 's.css' },
  );
  expect([...html.matchAll(/<span class="toc-number">([^<]*)<\/span>/g)].map((m) => m[1])).toEqual(['00', '03', '', '12a']);
  expect(fileNumber('a/b/15-whats-new.html')).toBe('15');
  expect(fileNumber('2026report.html')).toBe('');
});

test('takes extra stylesheets and module scripts', () => {
  const html = renderIndexPage(entries, { siteTitle: 'W', stylesheetHref: '/s.css', stylesheets: ['/x.css'], scripts: ['/x.js'] });
  expect(html).toContain('<link rel="stylesheet" href="/s.css">\n<link rel="stylesheet" href="/x.css">\n<script type="module" src="/x.js"></script>');
});
