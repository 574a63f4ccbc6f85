/**
 * How it works
 *
 * The pieces still missing are a list in file order, and `connections` workers share it: each
 * takes the next piece, fetches it (retrying), then takes another, until none is left. The
 * workers are children of one `TaskGroup`: the first fatal failure (a 404, a changed file, a full
 * disk) aborts the others through their signal, and the transfer settles only once every worker
 * has stopped and no write is in flight, so the caller can close the file safely.
 *
 *     pieces:   [0-16M) [16-32M) [32-48M) [48-64M) [64-80M) ...
 *     worker 1:  ######                    ######
 *     worker 2:          ######                      ######
 *     worker 3:                   ######   (retry ↺ from the byte it reached)
 *
 * A piece retries from its own cursor, the first byte not yet written, so a dropped connection
 * costs only the bytes in flight. A plain stream (no ranges) can only start again from byte 0.
 */
import { TaskGroup } from '@scalable-ts/concurrency';
import { Connection, type ConnectionOptions } from './connection.js';
import { fetchRange, type Cursor } from './fetch-range.js';
import { fetchWhole } from './fetch-whole.js';
import type { Agents } from './http.js';
import { withRetries, type RetryPolicy } from './retry.js';
import type { ByteRange } from './segments.js';
import type { Session } from './session.js';

/** What the transfer needs besides the session. */
export interface TransferOptions extends ConnectionOptions {
  readonly connections: number;
  readonly policy: RetryPolicy;
  readonly signal: AbortSignal;
  /** Extra request headers. */
  readonly headers: Readonly<Record<string, string>>;
  /** For the plain stream (node:http). */
  readonly agents: Agents;
}

/** Fetches what a cursor still needs with one request. */
type Fetch = (cursor: Cursor, signal: AbortSignal) => Promise<void>;

/**
 * Fetches every piece into the session's file over at most `options.connections` connections.
 * Resolves with the size of the file (known once a plain stream of unknown length ends); rejects
 * with the first fatal failure, or the signal's reason when aborted, after every worker stopped.
 */
export async function transfer(session: Session, pieces: readonly ByteRange[], options: TransferOptions): Promise<number> {
  let next = 0;
  let size = session.resource.size;
  const worker = async (signal: AbortSignal): Promise<void> => {
    // A ranged worker owns one keep-alive connection for all its pieces.
    const connection = session.resource.ranges ? new Connection(session.resource.url, options) : undefined;
    const fetch: Fetch = connection
      ? (cursor, signal) => fetchRange(session, cursor, connection, options.headers, signal)
      : (cursor, signal) => fetchWhole(session, cursor, options, signal);
    try {
      for (let piece = pieces[next++]; piece !== undefined; piece = pieces[next++]) {
        const end = await fetchPiece(session, piece, fetch, options, signal);
        if (piece[1] === Infinity) size = end;
      }
    } finally {
      connection?.close();
    }
  };
  try {
    await TaskGroup.run(
      (group) => {
        for (let i = Math.min(options.connections, pieces.length); i > 0; i--) void group.spawn(worker);
      },
      { signal: options.signal },
    );
  } catch (error) {
    // The group reports its failures together; the first is the cause, the rest followed from it.
    throw error instanceof AggregateError && error.errors.length > 0 ? error.errors[0] : error;
  }
  return size ?? 0;
}

async function fetchPiece(session: Session, [start, end]: ByteRange, fetch: Fetch, options: TransferOptions, signal: AbortSignal): Promise<number> {
  const cursor: Cursor = { position: start, end };
  let reached = start; // the furthest this piece got: "progress" for the retry count
  await withRetries(
    async () => {
      if (!session.resource.ranges && cursor.position > 0) {
        await session.restartFromZero(); // a plain stream cannot ask for the rest
        cursor.position = 0;
      }
      try {
        while (cursor.position < cursor.end) await fetch(cursor, signal);
      } finally {
        reached = Math.max(reached, cursor.position);
      }
    },
    options.policy,
    { signal, progress: () => reached, onRetry: () => session.retries++ },
  );
  return cursor.end;
}
