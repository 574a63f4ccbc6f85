import { describe, expect, it } from 'vitest';
import { createMessage } from './messages.js';
import type { Output } from '@scalable-ts/notebook';
import { appendOutputs, OutputCollector } from './outputs.js';

const iopub = (type: string, content: Record<string, unknown>) => createMessage(type, 's', content);

describe('OutputCollector', () => {
  it('merges consecutive stream text of the same name only', () => {
    const c = new OutputCollector();
    c.add(iopub('stream', { name: 'stdout', text: 'a\n' }));
    c.add(iopub('stream', { name: 'stdout', text: 'b\n' }));
    c.add(iopub('stream', { name: 'stderr', text: 'c\n' }));
    c.add(iopub('stream', { name: 'stdout', text: 'd\n' }));
    expect(c.outputs).toEqual([
      { output_type: 'stream', name: 'stdout', text: 'a\nb\n' },
      { output_type: 'stream', name: 'stderr', text: 'c\n' },
      { output_type: 'stream', name: 'stdout', text: 'd\n' },
    ]);
  });

  it('rewrites a display in place on update_display_data', () => {
    const c = new OutputCollector();
    c.add(iopub('display_data', { data: { 'text/plain': '0%' }, metadata: {}, transient: { display_id: 'p' } }));
    c.add(iopub('stream', { name: 'stdout', text: 'working\n' }));
    expect(c.add(iopub('update_display_data', { data: { 'text/plain': '100%' }, metadata: {}, transient: { display_id: 'p' } }))).toBe(true);
    expect(c.outputs[0]).toEqual({ output_type: 'display_data', data: { 'text/plain': '100%' }, metadata: {} });
    expect(c.add(iopub('update_display_data', { data: {}, transient: { display_id: 'unknown' } }))).toBe(false);
  });

  it('keeps execute_result and error outputs in nbformat shape', () => {
    const c = new OutputCollector();
    c.add(iopub('execute_result', { execution_count: 3, data: { 'text/plain': '42' }, metadata: {} }));
    c.add(iopub('error', { ename: 'TypeError', evalue: 'x is not a function', traceback: ['\u001b[31mTypeError\u001b[0m'] }));
    expect(c.outputs).toEqual([
      { output_type: 'execute_result', execution_count: 3, data: { 'text/plain': '42' }, metadata: {} },
      { output_type: 'error', ename: 'TypeError', evalue: 'x is not a function', traceback: ['\u001b[31mTypeError\u001b[0m'] },
    ]);
  });

  it('clears at once, or on the next output with wait', () => {
    const c = new OutputCollector();
    c.add(iopub('stream', { name: 'stdout', text: 'old\n' }));
    c.add(iopub('clear_output', { wait: true }));
    expect(c.outputs).toHaveLength(1);
    c.add(iopub('stream', { name: 'stdout', text: 'new\n' }));
    expect(c.outputs).toEqual([{ output_type: 'stream', name: 'stdout', text: 'new\n' }]);
    c.add(iopub('clear_output', { wait: false }));
    expect(c.outputs).toEqual([]);
  });

  it('ignores messages that are not outputs', () => {
    expect(new OutputCollector().add(iopub('execute_input', { code: '1' }))).toBe(false);
  });
});

describe('appendOutputs', () => {
  it('joins late stream text to the stream it continues and leaves both inputs as they were', () => {
    const before = [{ output_type: 'stream', name: 'stdout', text: ['a\n'] }] as const satisfies Output[];
    const more: Output[] = [
      { output_type: 'stream', name: 'stdout', text: 'b\n' },
      { output_type: 'stream', name: 'stderr', text: 'c\n' },
    ];
    const all = appendOutputs(before, more);
    expect(all).toEqual([
      { output_type: 'stream', name: 'stdout', text: 'a\nb\n' },
      { output_type: 'stream', name: 'stderr', text: 'c\n' },
    ]);
    expect(before).toEqual([{ output_type: 'stream', name: 'stdout', text: ['a\n'] }]);
    expect(more[0]).toEqual({ output_type: 'stream', name: 'stdout', text: 'b\n' });
  });
});
