/**
 * How it works: messages between the pool and a child process travel over an extra pipe (fd 3)
 * as frames: a 4-byte little-endian length, then the `v8.serialize` bytes (the structured clone
 * format, as `postMessage` uses). Node's own IPC channel re-scans its buffered text for every
 * chunk it reads, which makes a message of a few hundred KB (a `map` chunk) cost tens of ms;
 * frames are read in linear time: chunks are kept in a list and joined once a frame is complete.
 *
 * A message's `items` or `value` that is an array of numbers only (a `map` chunk of numbers, or
 * its results) crosses as a `Float64Array` and is turned back into an array on arrival: the
 * structured clone of a typed array is a copy of its bytes, several times cheaper to write and
 * read than one tagged value per element. Every number survives it, `-0` and `NaN` included
 * (named properties added to such an array would not, as no task result in practice has them).
 *
 * `frame` and `frameReader` must stay self-contained (no imports, no closures over module
 * scope): the child process gets their source text through `Function.prototype.toString` (see
 * entry-source.ts).
 */

/** Messages whose numeric array fields may be packed. */
type Packable = Record<string, unknown>;

/**
 * Returns a function to feed with the pipe's chunks; it calls `onMessage` with each decoded value.
 *
 * @param deserialize - `v8.deserialize`.
 * @param onMessage - called once per frame.
 */
export function frameReader(deserialize: (bytes: Buffer) => unknown, onMessage: (message: unknown) => void): (chunk: Buffer) => void {
  const unpack = (message: Packable): unknown => {
    const field = message['packed'] as string | undefined;
    if (field === undefined) return message;
    const packed = message[field] as Float64Array;
    const numbers = new Array<number>(packed.length);
    for (let i = 0; i < packed.length; i++) numbers[i] = packed[i]!;
    message[field] = numbers;
    delete message['packed'];
    return message;
  };
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
      onMessage(unpack(deserialize(frame) as Packable));
    }
  };
}

/** Encodes one message as a frame (the length header, then the payload). */
export function frame(serialize: (value: unknown) => Buffer, message: unknown): Buffer {
  const numbersOnly = (value: unknown): value is number[] => {
    if (!Array.isArray(value) || value.length < 16) return false;
    for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'number') return false;
    return true;
  };
  const pack = (original: Packable): Packable => {
    const field = numbersOnly(original['items']) ? 'items' : numbersOnly(original['value']) ? 'value' : undefined;
    if (field === undefined) return original;
    const numbers = original[field] as number[];
    const packed = new Float64Array(numbers.length);
    for (let i = 0; i < numbers.length; i++) packed[i] = numbers[i]!;
    return { ...original, [field]: packed, packed: field };
  };
  const payload = serialize(message !== null && typeof message === 'object' ? pack(message as Packable) : message);
  const header = Buffer.allocUnsafe(4);
  header.writeUInt32LE(payload.length, 0);
  return Buffer.concat([header, payload]);
}
