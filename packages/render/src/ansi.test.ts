import { describe, expect, test } from 'vitest';
import { ansiToHtml, applyCarriageReturns } from './ansi.js';

describe('ansiToHtml', () => {
  test('escapes text with no escape codes', () => {
    expect(ansiToHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;',
    );
  });

  test('escapes text inside coloured runs', () => {
    expect(ansiToHtml('\x1b[31m<img src=x onerror=alert(1)>\x1b[0m')).toBe(
      '<span class="ansi-red-fg">&lt;img src=x onerror=alert(1)&gt;</span>',
    );
  });

  test('maps standard, bright and background colours to classes, decorations too', () => {
    expect(ansiToHtml('\x1b[1;32mok\x1b[0m')).toBe('<span class="ansi-green-fg ansi-bold">ok</span>');
    expect(ansiToHtml('\x1b[94mb\x1b[0m')).toBe('<span class="ansi-bright-blue-fg">b</span>');
    expect(ansiToHtml('\x1b[43;4mw\x1b[0m')).toBe('<span class="ansi-yellow-bg ansi-underline">w</span>');
  });

  test('256-colour and true-colour runs get a computed rgb()', () => {
    expect(ansiToHtml('\x1b[38;5;208mo\x1b[0m')).toBe('<span style="color: rgb(255, 135, 0)">o</span>');
    expect(ansiToHtml('\x1b[38;5;244mg\x1b[0m')).toBe('<span style="color: rgb(128, 128, 128)">g</span>');
    expect(ansiToHtml('\x1b[38;5;1mr\x1b[0m')).toBe('<span class="ansi-red-fg">r</span>');
    expect(ansiToHtml('\x1b[48;2;1;2;3mt\x1b[0m')).toBe('<span style="background-color: rgb(1, 2, 3)">t</span>');
  });

  test('a standard colour after a true colour is a class, not the stale rgb', () => {
    expect(ansiToHtml('\x1b[38;2;10;20;30ma\x1b[32mb\x1b[0m')).toBe(
      '<span style="color: rgb(10, 20, 30)">a</span><span class="ansi-green-fg">b</span>',
    );
  });

  test('drops non-colour sequences', () => {
    expect(ansiToHtml('a\x1b[2Kb')).toBe('ab');
  });
});

describe('applyCarriageReturns', () => {
  test('keeps the text after the last carriage return of each line', () => {
    expect(applyCarriageReturns('10%\r50%\r100%\ndone\n')).toBe('100%\ndone\n');
    expect(applyCarriageReturns('a\r\nb')).toBe('a\nb');
    expect(applyCarriageReturns('plain\n')).toBe('plain\n');
  });
});
