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
  ];
  for (const [text, message] of bad) {
    expect(() => parseClientMessage(text), text).toThrow(ClientMessageError);
    expect(() => parseClientMessage(text), text).toThrow(message);
  }
});
