import { describe, expect, test } from 'vitest';
import { notebookSummary, notebookTitle } from './text.js';
import { code, loadFixture, md, notebook } from './test-support/notebooks.js';

describe('notebookTitle', () => {
  test('is the plain text of the first # heading of the first markdown cell', () => {
    expect(notebookTitle(loadFixture('every-output.ipynb'), 'x.ipynb')).toBe('Every output type');
    expect(notebookTitle(notebook(md('Intro\n\n# `Deque` and *friends*')), 'x')).toBe('Deque and friends');
  });

  test('ignores # inside fenced code and ## headings', () => {
    expect(notebookTitle(notebook(md('```sh\n# not a title\n```\n\n## Sub')), 'dir/02-x.ipynb')).toBe('02-x');
  });

  test('falls back to the file name without folder or extension', () => {
    expect(notebookTitle(notebook(code('1')), 'notebooks/01-queues.ipynb')).toBe('01-queues');
    expect(notebookTitle(notebook(md('no heading'), md('# Later')), 'C:\\nb\\03-late.ipynb')).toBe('03-late');
  });
});

describe('notebookSummary', () => {
  test('is the first paragraph after the title, as one line of plain text', () => {
    expect(notebookSummary(loadFixture('every-output.ipynb'))).toBe(
      'This notebook holds one of every output the renderer knows, with code and a link. It is a test fixture.',
    );
  });

  test('looks past list items and into later markdown cells', () => {
    expect(notebookSummary(notebook(md('# T\n\n- item'), code('1'), md('> quote\n\nThe **summary**.')))).toBe('The summary.');
  });

  test('without a title it is the first paragraph; without paragraphs it is empty', () => {
    expect(notebookSummary(notebook(md('First.\n\nSecond.')))).toBe('First.');
    expect(notebookSummary(notebook(md('# Only a title')))).toBe('');
  });
});
