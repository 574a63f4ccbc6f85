import { expect, test } from 'vitest';
import { renderIndexPage } from './index.js';

const entries = [{ href: '/nb/01-queues', title: 'Queues <1>', summary: 'Where work waits.' }];

test('lists entries with number, escaped title, summary and link; no script by default', () => {
  const html = renderIndexPage(entries, { siteTitle: 'Workshop', stylesheetHref: 'site.css' });
  expect(html).toContain('<span class="toc-number">01</span>');
  expect(html).toContain('<a class="toc-title" href="/nb/01-queues">Queues &lt;1&gt;</a><p class="toc-summary">Where work waits.</p>');
  expect(html).not.toMatch(/<script/i);
});

test('takes extra stylesheets and module scripts', () => {
  const html = renderIndexPage(entries, { siteTitle: 'W', stylesheetHref: '/s.css', stylesheets: ['/x.css'], scripts: ['/x.js'] });
  expect(html).toContain('<link rel="stylesheet" href="/s.css">\n<link rel="stylesheet" href="/x.css">\n<script type="module" src="/x.js"></script>');
});
