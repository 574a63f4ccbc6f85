/**
 * How it works
 *
 * Copying a response body to its offset in the `.part` file with flat memory:
 *
 *     socket ──► response stream ──► batch (≤ 1 MiB of Buffers) ──► writev at position
 *                  (paused while                 ▲ one write in flight; the next batch
 *                   we do not read)              │ fills meanwhile
 *
 * The loop reads with `for await`, which pulls the next chunk only when the loop body is done.
 * When a batch is full and the previous write has not finished, the loop waits for it, stops
 * pulling, the response's buffer fills, Node stops reading the socket and TCP's window closes on
 * the server: backpressure all the way back, so memory per connection stays at about two
 * batches however large the file. Batching turns the socket's 16–64 KiB chunks into one `writev`
 * per MiB (fewer thread-pool round trips), and overlapping the write with the next batch's
 * arrival keeps the connection busy.
 *
 * When the body fails midway (a dropped connection), the bytes that did arrive are still written
 * before the error is rethrown: they are correct, and the retry resumes after them.
 */

/** Writes `buffers` (`length` bytes in all) at `position`, resolving once they are on disk. */
export type PositionedWrite = (buffers: Buffer[], position: number, length: number) => Promise<void>;

/** What {@link copyBody} needs. */
export interface CopyOptions {
  /** Where the body's first byte goes. */
  readonly position: number;
  /** The most bytes the body may have (`Infinity` when unknown). */
  readonly limit: number;
  /** Writes a batch. */
  readonly write: PositionedWrite;
  /** Turns a read error into the error to throw (a `ConnectionError`, the abort reason). */
  readonly readFailure: (error: unknown) => unknown;
  /** Turns "more bytes than the limit" into the error to throw. */
  readonly overflow: () => unknown;
}

/** Bytes gathered before a write; tuned with bench/download.mjs. */
export const BATCH_BYTES = 1024 * 1024;

/**
 * Copies `body` to the file at `options.position`, in batches, with one write in flight.
 * Resolves with the number of bytes copied; rejects with a write error as is, or with
 * `readFailure(error)` (after writing what arrived) when the body fails.
 */
export async function copyBody(body: AsyncIterable<Buffer>, options: CopyOptions): Promise<number> {
  let position = options.position;
  let copied = 0;
  let batch: Buffer[] = [];
  let batched = 0;
  let writing: Promise<void> | undefined;
  let writeFailure: { error: unknown } | undefined;
  const startWrite = (): Promise<void> => {
    const write = options.write(batch, position, batched).catch((error: unknown) => {
      writeFailure ??= { error };
    });
    position += batched;
    batch = [];
    batched = 0;
    return write;
  };

  let failure: { error: unknown } | undefined;
  try {
    for await (const chunk of body) {
      if (copied + chunk.length > options.limit) {
        failure = { error: options.overflow() };
        break;
      }
      copied += chunk.length;
      batch.push(chunk);
      batched += chunk.length;
      if (batched >= BATCH_BYTES) {
        await writing;
        if (writeFailure !== undefined) break;
        writing = startWrite();
      }
    }
  } catch (error) {
    failure = { error: options.readFailure(error) };
  }
  await writing;
  if (batched > 0 && writeFailure === undefined) await startWrite();
  // A failed write is the real error (a full disk), whatever the connection did meanwhile.
  if (writeFailure !== undefined) throw writeFailure.error;
  if (failure !== undefined) throw failure.error;
  return copied;
}
