import { expect, test } from 'vitest';
import { mimeText } from './mime-text.js';

test('mimeText joins a MultilineString and reads anything else as empty', () => {
  expect(mimeText(['<b>', 'x</b>'])).toBe('<b>x</b>');
  expect(mimeText('plain')).toBe('plain');
  expect(mimeText({ not: 'text' })).toBe('');
  expect(mimeText(undefined)).toBe('');
});
