// Property: whatever order the pieces of a file are written in, the hashing worker that follows
// its written prefix ends with the SHA-256 of the whole file.
import { createHash } from 'node:crypto';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileHasher, PrefixHasher, type Hasher } from './hash.js';
import { ByteRanges } from './segments.js';
import { generate } from './test-support/content-server.js';

const CONTENT = generate(800_000, 1);
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scalable-net-hash-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.each([
  ['PrefixHasher (a worker following the prefix)', (path: string): Hasher => new PrefixHasher(path)],
  ['FileHasher (one pass at the end)', (path: string): Hasher => new FileHasher(path)],
])('%s', (_name, makeHasher) => {
  it('hashes the file whatever the order of writes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: CONTENT.length }),
        fc.array(fc.integer({ min: 1_000, max: 300_000 }), { minLength: 1, maxLength: 12 }),
        fc.infiniteStream(fc.nat()),
        async (size, cuts, order) => {
          const content = CONTENT.subarray(0, size);
          // Cut the file into pieces, then write them in a shuffled order.
          const pieces: [number, number][] = [];
          for (let at = 0, i = 0; at < size; i++) {
            const end = Math.min(size, at + cuts[i % cuts.length]!);
            pieces.push([at, end]);
            at = end;
          }
          const shuffled = [...pieces];
          const picks = order[Symbol.iterator]();
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = picks.next().value! % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
          }
          const file = await open(join(dir, 'part'), 'w+');
          try {
            await file.truncate(size);
            const hasher = makeHasher(join(dir, 'part'));
            const done = new ByteRanges();
            for (const [start, end] of shuffled) {
              const buffer = content.subarray(start, end);
              await file.write(buffer, 0, buffer.length, start);
              done.add(start, end);
              hasher.advance(done.prefixEnd);
            }
            expect(await hasher.digest(size)).toBe(createHash('sha256').update(content).digest('hex'));
          } finally {
            await file.close();
          }
        },
      ),
      { numRuns: 40 },
    );
    // 40 files of up to 800 kB written and hashed: about a second alone, past vitest's 5 s default
    // on a loaded 2-core machine (it timed out there, in CI too).
  }, 60_000);

  it('rejects when the file is shorter than the size', async () => {
    const path = join(dir, 'short');
    const file = await open(path, 'w');
    await file.write(Buffer.alloc(10));
    await file.close();
    await expect(makeHasher(path).digest(20)).rejects.toThrow(/ends at 10/);
  });
});

it('PrefixHasher stops its worker on settle()', async () => {
  const path = join(dir, 'idle');
  await (await open(path, 'w')).close();
  const idle = new PrefixHasher(path);
  idle.advance(5);
  await idle.settle(); // a worker waiting for more bytes ends at once
  await expect(idle.digest(10)).rejects.toThrow(/exited/);
});
