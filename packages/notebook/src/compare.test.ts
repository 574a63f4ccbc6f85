import { describe, expect, it } from 'vitest';
import { compareOutputs } from './compare.js';
import type { Output } from './types.js';

const stdout = (text: string): Output => ({ output_type: 'stream', name: 'stdout', text });

describe('compareOutputs', () => {
  it('finds equal outputs equal, however the stream was chunked', () => {
    expect(compareOutputs([stdout('a\nb\n')], [stdout('a\n'), stdout('b\n')], [])).toEqual({ equal: true, diff: '' });
  });

  it('gives a unified diff from expected to actual', () => {
    const { equal, diff } = compareOutputs([stdout('total: 3\nok\n')], [stdout('total: 4\nok\n')], []);
    expect(equal).toBe(false);
    expect(diff).toBe(['--- expected', '+++ actual', '@@ -1,3 +1,3 @@', ' [stdout]', '-total: 3', '+total: 4', ' ok', ''].join('\n'));
  });

  it('sanitizes both sides before comparing', () => {
    const sanitizers = [{ regex: /\d+ms/, replace: '<ms>' }];
    expect(compareOutputs([stdout('took 12ms\n')], [stdout('took 7ms\n')], sanitizers).equal).toBe(true);
    const { diff } = compareOutputs([stdout('took 12ms\n')], [stdout('took 7ms\nextra\n')], sanitizers);
    expect(diff).toContain(' took <ms>\n+extra\n');
  });

  it("applies sanitizers to each output's own text, as nbval does", () => {
    const startOfOutput = [{ regex: /^\d+/, replace: 'N' }];
    const outputs = (a: string, b: string): Output[] => [stdout(`${a} first\n`), { output_type: 'stream', name: 'stderr', text: `${b} second\n` }];
    expect(compareOutputs(outputs('1', '2'), outputs('3', '4'), startOfOutput).equal).toBe(true);
    const greedy = [{ regex: /\[\w+\]\n/, replace: '' }];
    expect(compareOutputs([stdout('a\n')], [{ output_type: 'stream', name: 'stderr', text: 'a\n' }], greedy).equal).toBe(false);
  });

  it('reports missing and unexpected outputs', () => {
    const result: Output = { output_type: 'execute_result', execution_count: 1, data: { 'text/plain': '42' }, metadata: {} };
    expect(compareOutputs([result], [], []).diff).toContain('-[execute_result]\n-42\n');
    expect(compareOutputs([], [{ output_type: 'error', ename: 'Error', evalue: 'boom', traceback: [] }]).diff).toContain(
      '+[error]\n+Error: boom\n',
    );
  });

  it('compares the presence of an image, not its bytes', () => {
    const image = (png: string): Output => ({ output_type: 'display_data', data: { 'image/png': png }, metadata: {} });
    expect(compareOutputs([image('AAAA')], [image('BBBB')]).equal).toBe(true);
  });
});
