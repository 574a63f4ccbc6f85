import { invalidType, outOfRange } from '../internal/validate.js';

/** One 32-bit cell of a `SharedArrayBuffer`: the storage of `Mutex` and `AtomicCounter`. */
export abstract class SharedCell {
  /** The cell, for `Atomics` operations. */
  protected readonly cell: Int32Array;

  /**
   * @param buffer - the buffer to live in (another thread's `.buffer`); a new one by default.
   * @param byteOffset - where the 4-byte cell is in `buffer` (a multiple of 4).
   */
  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(4), byteOffset = 0) {
    if (!(buffer instanceof SharedArrayBuffer)) throw invalidType('buffer', 'a SharedArrayBuffer', buffer);
    if (!Number.isInteger(byteOffset)) throw invalidType('byteOffset', 'a multiple of 4 inside the buffer', byteOffset);
    if (byteOffset % 4 !== 0 || byteOffset < 0 || byteOffset + 4 > buffer.byteLength) {
      throw outOfRange('byteOffset', 'a multiple of 4 inside the buffer', byteOffset);
    }
    this.cell = new Int32Array(buffer, byteOffset, 1);
  }

  /** The shared memory; post it to a worker and rebuild the object on it there. */
  get buffer(): SharedArrayBuffer {
    return this.cell.buffer as SharedArrayBuffer;
  }
}
