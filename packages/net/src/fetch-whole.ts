/**
 * The plain-stream fallback: one GET for the whole file through node:http, for servers without
 * range support or a known length (node:http copes with chunked bodies and the like, which the
 * ranged fast path does not read). The body is copied to the `.part` from byte 0 with
 * backpressure by `copyBody`; it expects a 200 whose validators and length match the probe.
 */
import { copyBody } from './body.js';
import { ConnectionError, ContentChangedError, HttpStatusError, HttpProtocolError } from './errors.js';
import type { Cursor } from './fetch-range.js';
import { send, type SendOptions } from './http.js';
import { contentLength, describeChange } from './probe.js';
import type { Session } from './session.js';

/**
 * Fetches the whole file into `session` from `cursor.position` (always 0). Sets `cursor.end`
 * to the size once a body of unknown length has ended. Rejects with `HttpStatusError`,
 * `ContentChangedError`, `ConnectionError` (after writing what arrived) or `signal.reason`.
 */
export async function fetchWhole(
  session: Session,
  cursor: Cursor,
  options: Omit<SendOptions, 'method' | 'signal'>,
  signal: AbortSignal,
): Promise<void> {
  const { resource } = session;
  const href = resource.url.href;
  const sent = await send(resource.url, { ...options, method: 'GET', signal });
  const { response } = sent;
  let length: number;
  try {
    const status = response.statusCode ?? 0;
    if (status !== 200) throw new HttpStatusError(href, status, 'expected 200');
    const changed = describeChange(resource, response.headers);
    if (changed !== undefined) throw new ContentChangedError(href, changed);
    const announced = contentLength(response.headers);
    if (resource.size !== undefined && announced !== undefined && announced !== resource.size) {
      throw new ContentChangedError(href, `its size changed from ${resource.size} to ${announced}`);
    }
    length = announced ?? resource.size ?? Infinity;
  } catch (error) {
    response.destroy();
    throw error;
  }
  const from = cursor.position;
  const copied = await copyBody(response, {
    position: from,
    limit: length,
    write: async (buffers, position, n) => {
      await session.write(buffers, position, n);
      cursor.position = position + n;
    },
    readFailure: (error) => {
      if (signal.aborted) return signal.reason;
      return sent.failure() ?? new ConnectionError(href, `GET after ${cursor.position - from} bytes`, error);
    },
    overflow: () => new HttpProtocolError(href, 'the body is longer than announced'),
  });
  if (length !== Infinity && copied < length) throw new ConnectionError(href, 'GET', new Error(`the body ended after ${copied} of ${length} bytes`));
  if (cursor.end === Infinity) cursor.end = cursor.position; // a stream of unknown length ended: that is the size
}
