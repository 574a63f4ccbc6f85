import { expect, test } from 'vitest';
import { parseClientMessage } from './decode.js';
import { ClientMessageError } from './errors.js';

test('reads every message of the protocol', () => {
  expect(parseClientMessage('{"type":"run","mode":"cell","cells":[{"index":1,"source":"1"}]}')).toEqual({
    type: 'run',
    mode: 'cell',
    cells: [{ index: 1, source: '1' }],
  });
  expect(parseClientMessage('{"type":"run","mode":"to-here","cells":[],"extra":1}')).toEqual({ type: 'run', mode: 'to-here', cells: [] });
  expect(parseClientMessage('{"type":"save","version":"v","sources":[{"index":0,"source":""}]}')).toEqual({
    type: 'save',
    version: 'v',
    sources: [{ index: 0, source: '' }],
  });
  for (const type of ['interrupt', 'restart', 'clear']) expect(parseClientMessage(JSON.stringify({ type }))).toEqual({ type });
  expect(parseClientMessage('{"type":"position","index":3}')).toEqual({ type: 'position', index: 3 });
});

test('refuses anything else with a ClientMessageError that says what is wrong', () => {
  const bad: [string, RegExp][] = [
    ['not json', /must be JSON/],
    ['[1]', /JSON object/],
    ['{"type":"exec"}', /Unknown message type "exec"/],
    ['{"type":"run","mode":"all","cells":[]}', /run.mode/],
    ['{"type":"run","mode":"cell","cells":{}}', /run.cells must be an array/],
    ['{"type":"run","mode":"cell","cells":[{"index":-1,"source":""}]}', /run.cells\[0\]/],
    ['{"type":"run","mode":"cell","cells":[{"index":1.5,"source":""}]}', /run.cells\[0\]/],
    ['{"type":"run","mode":"cell","cells":[{"index":1,"source":2}]}', /run.cells\[0\]/],
    ['{"type":"save","sources":[]}', /save.version/],
    ['{"type":"position","index":-1}', /position.index/],
    ['{"type":"position","index":"3"}', /position.index/],
  ];
  for (const [text, message] of bad) {
    expect(() => parseClientMessage(text), text).toThrow(ClientMessageError);
    expect(() => parseClientMessage(text), text).toThrow(message);
  }
});

test('refuses a cell whose code passes the limit, in a run or a save, naming the limit', () => {
  const limits = { sourceChars: 10 };
  const cells = (source: string) => JSON.stringify([{ index: 3, source }]);
  expect(parseClientMessage(`{"type":"run","mode":"cell","cells":${cells('x'.repeat(10))}}`, limits)).toMatchObject({ type: 'run' });
  for (const text of [`{"type":"run","mode":"cell","cells":${cells('x'.repeat(11))}}`, `{"type":"save","version":"v","sources":${cells('x'.repeat(11))}}`]) {
    expect(() => parseClientMessage(text, limits)).toThrow(ClientMessageError);
    expect(() => parseClientMessage(text, limits)).toThrow('Refused: the code of cell 3 is 11 characters; the limit is 10');
  }
  expect(() => parseClientMessage(`{"type":"save","version":"${'v'.repeat(201)}","sources":[]}`)).toThrow(/save.version/);
});
