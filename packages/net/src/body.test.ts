// Backpressure: a fast source and a slow disk. The copy must never read far ahead of what has
// been written, however large the body, and must write what arrived before a failure.
import { Readable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { BATCH_BYTES, copyBody } from './body.js';

const CHUNK = 64 * 1024;

function source(chunks: number, failAfter = Infinity): { stream: Readable; pulled: () => number } {
  let pulled = 0;
  let sent = 0;
  const stream = new Readable({
    highWaterMark: CHUNK,
    read() {
      if (sent === failAfter) this.destroy(new Error('reset'));
      else if (sent === chunks) this.push(null);
      else {
        sent++;
        pulled += CHUNK;
        this.push(Buffer.alloc(CHUNK, sent & 0xff));
      }
    },
  });
  return { stream, pulled: () => pulled };
}

describe('copyBody', () => {
  it('reads at most about two batches ahead of the disk, with one write in flight', async () => {
    const { stream, pulled } = source(400); // 25 MiB
    let written = 0;
    let inFlight = 0;
    let maxAhead = 0;
    const copied = await copyBody(stream, {
      position: 1000,
      limit: Infinity,
      write: async (buffers, position, length) => {
        expect(++inFlight).toBe(1);
        expect(position).toBe(1000 + written);
        expect(buffers.reduce((sum, b) => sum + b.length, 0)).toBe(length);
        maxAhead = Math.max(maxAhead, pulled() - written);
        await delay(1); // a slow disk
        written += length;
        inFlight--;
      },
      readFailure: (error) => error,
      overflow: () => new Error('overflow'),
    });
    expect(copied).toBe(400 * CHUNK);
    expect(written).toBe(copied);
    expect(maxAhead).toBeLessThanOrEqual(2 * BATCH_BYTES + 4 * CHUNK);
  });

  it('writes what arrived before the body failed, then rethrows the mapped error', async () => {
    const { stream } = source(100, 5);
    let written = 0;
    const error = await copyBody(stream, {
      position: 0,
      limit: Infinity,
      write: async (_buffers, _position, length) => {
        written += length;
      },
      readFailure: (cause) => new Error('dropped', { cause }),
      overflow: () => new Error('overflow'),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ message: 'dropped', cause: { message: 'reset' } });
    expect(written).toBe(5 * CHUNK);
  });

  it('rejects a body longer than announced, and lets a disk error win', async () => {
    const options = { position: 0, readFailure: (e: unknown) => e, overflow: () => new Error('overflow') };
    await expect(copyBody(source(3).stream, { ...options, limit: CHUNK, write: async () => {} })).rejects.toThrow('overflow');
    const full = Object.assign(new Error('no space'), { code: 'ENOSPC' });
    await expect(copyBody(source(40, 30).stream, { ...options, limit: Infinity, write: () => Promise.reject(full) })).rejects.toBe(full);
  });
});
