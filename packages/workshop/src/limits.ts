/**
 * What a page can make the server hold, bounded. Past each bound the server refuses, and says so:
 * a run that would overfill the queue and a cell's code over the limit are answered with a
 * `problem` message (nothing of the request is kept or run); a frame over the limit closes the
 * socket with status 1009 (RFC 6455 §7.4.1, "message too big"), which the page reports; a page
 * that stops reading while output streams to it is disconnected once its backlog passes the
 * limit. Finished requests, remembered so late output still finds its cell, are forgotten
 * oldest first.
 */

/** The bounds; {@link DEFAULT_LIMITS} are far above what any lesson needs. */
export interface WorkshopLimits {
  /** Largest WebSocket frame a page may send, in bytes (a `save` carries every edited cell). */
  readonly frameBytes: number;
  /** Longest code of one cell in a `run` or `save`, in characters. */
  readonly sourceChars: number;
  /** Most cells that may wait in one notebook's queue; a run that would pass it is refused whole. */
  readonly queuedRuns: number;
  /** Most finished requests a session remembers for late output (oldest forgotten first). */
  readonly rememberedRequests: number;
  /** Most bytes waiting to be sent to one page before it is disconnected. */
  readonly sendBufferBytes: number;
}

/** The default bounds. */
export const DEFAULT_LIMITS: WorkshopLimits = {
  frameBytes: 8 * 1024 * 1024,
  sourceChars: 1024 * 1024,
  queuedRuns: 1000,
  rememberedRequests: 1000,
  sendBufferBytes: 64 * 1024 * 1024,
};

/**
 * The defaults with `given` applied; each must be a positive safe integer.
 *
 * @throws TypeError naming the bad bound.
 */
export function resolveLimits(given: Partial<WorkshopLimits> = {}): WorkshopLimits {
  const limits = { ...DEFAULT_LIMITS, ...given };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || value <= 0) throw new TypeError(`startWorkshop: limits.${name} must be a positive integer, got ${String(value)}`);
  }
  return limits;
}
