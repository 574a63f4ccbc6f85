import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { formatBytes, formatProgress, progressBar } from './progress-bar.js';
import { ProgressMeter, type ProgressEvent } from './progress.js';

function fakeClock(): { now: () => number; advance: (ms: number) => void } {
  let time = 1000;
  return { now: () => time, advance: (ms) => (time += ms) };
}

describe('ProgressMeter', () => {
  it('reports at most once per interval, then a final event', () => {
    const clock = fakeClock();
    const events: ProgressEvent[] = [];
    const meter = new ProgressMeter((event) => events.push(event), 100, clock.now);
    meter.reset(500, 10_500);
    for (let i = 0; i < 100; i++) {
      clock.advance(10);
      meter.add(100);
    }
    meter.finish();
    expect(events).toHaveLength(11); // at 10 ms, then every 100 ms, plus the final one
    expect(events.at(-1)).toEqual({ bytes: 10_500, total: 10_500, transferred: 10_000, rate: 10_000, elapsedMs: 1000, done: true });
    expect(events.slice(0, -1).every((event) => !event.done)).toBe(true);
  });

  it('measures the rate over the last second', () => {
    const clock = fakeClock();
    const events: ProgressEvent[] = [];
    const meter = new ProgressMeter((event) => events.push(event), 100, clock.now);
    for (let i = 0; i < 20; i++) {
      clock.advance(100);
      meter.add(i < 10 ? 1000 : 100); // 10 kB/s for a second, then 1 kB/s
    }
    expect(events[9]!.rate).toBeCloseTo(10_000);
    expect(events.at(-1)!.rate).toBeCloseTo(1000, -2);
  });
});

describe('formatting', () => {
  it('formats bytes with binary units', () => {
    expect([0, 1023, 1536, 5 * 1024 ** 2, 1024 ** 3].map(formatBytes)).toEqual(['0 B', '1023 B', '1.5 KiB', '5.0 MiB', '1.00 GiB']);
  });

  it('formats a progress line with bar, percent, sizes, rate and ETA', () => {
    const event = { bytes: 512, total: 1024, transferred: 512, rate: 256, elapsedMs: 2000, done: false };
    expect(formatProgress(event, 10)).toBe('[#####-----]  50.0%  512 B / 1.0 KiB  256 B/s  ETA 2.0s');
    expect(formatProgress({ ...event, bytes: 1024, done: true }, 10)).toBe('[##########] 100.0%  1.0 KiB / 1.0 KiB  256 B/s  in 2.0s');
    expect(formatProgress({ ...event, total: undefined })).toBe('512 B  256 B/s');
    expect(formatProgress({ ...event, rate: 1, bytes: 0, total: 200 })).toContain('ETA 3m20s');
  });
});

describe('progressBar', () => {
  const events = [0.1, 0.3, 0.35, 0.6, 0.9, 1].map((fraction, i, all) => ({
    bytes: fraction * 1000,
    total: 1000,
    transferred: fraction * 1000,
    rate: 100,
    elapsedMs: i * 100,
    done: i === all.length - 1,
  }));

  function capture(isTTY: boolean): { stream: PassThrough & { isTTY: boolean; columns: number }; text: () => string } {
    const stream = Object.assign(new PassThrough(), { isTTY, columns: 100 });
    const chunks: string[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    return { stream, text: () => chunks.join('') };
  }

  it('redraws one line on a TTY and ends it when done', () => {
    const { stream, text } = capture(true);
    const listener = progressBar({ stream, label: 'file', width: 10 });
    for (const event of events) listener(event);
    const output = text();
    expect(output.split('\r')).toHaveLength(events.length + 1);
    expect(output.endsWith('in 0.5s\n')).toBe(true);
    expect(output).toContain('\rfile [#---------]  10.0%');
  });

  it('prints a line per quarter and the final one elsewhere', () => {
    const { stream, text } = capture(false);
    const listener = progressBar({ stream, width: 4 });
    for (const event of events) listener(event);
    const lines = text().trimEnd().split('\n');
    expect(lines.map((line) => line.slice(0, 13))).toEqual(['[#---]  30.0%', '[##--]  60.0%', '[####]  90.0%', '[####] 100.0%']);
  });
});
