/**
 * One ranged GET for the bytes [cursor.position, cursor.end) of the file, over the worker's own
 * keep-alive {@link Connection}, written at their offset as they arrive.
 *
 * It asks `Range: bytes=a-b` guarded by `If-Range` (strong ETag or Last-Modified) and reads the
 * answer as RFC 9110 defines it:
 *
 *     206, Content-Range a-c/size   the bytes asked for (c ≤ b: fewer is allowed, the caller asks again)
 *     206 with another size or ETag the file changed under us           → ContentChangedError (start over)
 *     200 with a new ETag/date      If-Range failed: the file changed   → ContentChangedError (start over)
 *     200 with the same validators  the server ignores ranges           → RangesIgnored (one plain stream)
 *     416                           the range is past the end: changed  → ContentChangedError (start over)
 *     408/429/5xx                   busy                                → HttpStatusError, retried
 *     anything else                                                     → HttpStatusError
 *
 * A refused answer is never read: the connection is closed instead.
 */
import type { Connection, ResponseHead } from './connection.js';
import { ContentChangedError, HttpStatusError, HttpProtocolError, RangesIgnored } from './errors.js';
import { contentLength, describeChange, ifRangeValidator, parseContentRange, type Resource } from './probe.js';
import type { Session } from './session.js';

/** The part of a piece still to fetch; `position` advances as bytes reach the file. */
export interface Cursor {
  position: number;
  /** Where the piece ends; `Infinity` until a plain stream of unknown length has ended. */
  end: number;
}

/**
 * Fetches what `cursor` still needs with one request on `connection` and writes it through
 * `session`. Resolves when the response ended (after a short 206 the cursor is still short of
 * its end: the caller asks again); rejects as described in this module's header.
 */
export async function fetchRange(
  session: Session,
  cursor: Cursor,
  connection: Connection,
  headers: Readonly<Record<string, string>>,
  signal: AbortSignal,
): Promise<void> {
  const { resource } = session;
  const range = `bytes=${cursor.position}-${cursor.end - 1}`;
  const validator = ifRangeValidator(resource);
  const request = { ...headers, range, ...(validator === undefined ? {} : { 'if-range': validator }) };
  const target = resource.url.pathname + resource.url.search;
  await connection.get(
    target,
    request,
    {
      head: (head) => checkPartial(resource, head, cursor, range),
      write: async (bytes) => {
        const position = cursor.position;
        await session.write([bytes], position, bytes.length);
        cursor.position = position + bytes.length;
      },
    },
    signal,
  );
}

/** Checks the answer to a ranged GET; returns the body length to read. */
function checkPartial(resource: Resource, head: ResponseHead, cursor: Cursor, asked: string): number {
  const href = resource.url.href;
  const { status, headers } = head;
  if (status === 206) {
    const range = parseContentRange(headers['content-range']);
    if (range?.first === undefined || range.last === undefined) throw new HttpProtocolError(href, `206 without a Content-Range for ${asked}`);
    if (range.total !== undefined && range.total !== resource.size) {
      throw new ContentChangedError(href, `its size changed from ${resource.size} to ${range.total}`);
    }
    const changed = describeChange(resource, headers);
    if (changed !== undefined) throw new ContentChangedError(href, changed);
    if (range.first !== cursor.position || range.last >= cursor.end || range.last < range.first) {
      throw new HttpProtocolError(href, `asked for ${asked}, got Content-Range ${headers['content-range']}`);
    }
    const length = range.last - range.first + 1;
    if (contentLength(headers) !== length) throw new HttpProtocolError(href, `a 206 for ${asked} without a matching Content-Length`);
    return length;
  }
  if (status === 200) {
    // If-Range failed because the file changed (new validators or length), or the server ignores ranges.
    const length = contentLength(headers);
    const changed = describeChange(resource, headers) ?? (length === resource.size ? undefined : `a 200 for ${asked} has length ${length}`);
    if (changed !== undefined) throw new ContentChangedError(href, changed);
    throw new RangesIgnored(href);
  }
  if (status === 416) throw new ContentChangedError(href, `416 for ${asked} (${headers['content-range'] ?? 'no Content-Range'})`);
  throw new HttpStatusError(href, status, `expected 206 for ${asked}`);
}
