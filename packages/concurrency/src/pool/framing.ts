/**
 * How it works: messages between the pool and a child process travel over an extra pipe (fd 3)
 * as frames: a 4-byte little-endian length, then the `v8.serialize` bytes (the structured clone
 * format, as `postMessage` uses). Node's own IPC channel re-scans its buffered text for every
 * chunk it reads, which makes a message of a few hundred KB (a `map` chunk) cost tens of ms;
 * frames are read in linear time: chunks are kept in a list and joined once a frame is complete.
 *
 * `frameReader` must stay self-contained (no imports, no closures over module scope): the child
 * process gets its source text through `Function.prototype.toString` (see entry-source.ts).
 */

/**
 * Returns a function to feed with the pipe's chunks; it calls `onMessage` with each decoded value.
 *
 * @param deserialize - `v8.deserialize`.
 * @param onMessage - called once per frame.
 */
export function frameReader(deserialize: (bytes: Buffer) => unknown, onMessage: (message: unknown) => void): (chunk: Buffer) => void {
  let chunks: Buffer[] = [];
  let buffered = 0;
  let need = -1;
  return (chunk) => {
    chunks.push(chunk);
    buffered += chunk.length;
    for (;;) {
      if (need < 0) {
        if (buffered < 4) return;
        const joined = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, buffered);
        need = joined.readUInt32LE(0);
        chunks = [joined.subarray(4)];
        buffered -= 4;
      }
      if (buffered < need) return;
      const joined = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, buffered);
      const frame = joined.subarray(0, need);
      chunks = buffered > need ? [joined.subarray(need)] : [];
      buffered -= need;
      need = -1;
      onMessage(deserialize(frame));
    }
  };
}

/** Encodes one message as a frame (the length header, then the payload). */
export function frame(serialize: (value: unknown) => Buffer, message: unknown): Buffer {
  const payload = serialize(message);
  const header = Buffer.allocUnsafe(4);
  header.writeUInt32LE(payload.length, 0);
  return Buffer.concat([header, payload]);
}
