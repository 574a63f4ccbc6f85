/**
 * Byte helpers shared by every mechanism: strict base64url, random tokens, SHA-256 and a
 * constant-time comparison. Internal: not re-exported from the package.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Decodes base64url without padding (RFC 7515 §2). Returns `undefined` for anything else.
 * `canonical` also refuses encodings whose unused low bits are set: `Buffer` would decode
 * `...Q` and `...R` to the same bytes, which would let an attacker change a signature's text
 * without changing its bytes.
 */
export function decodeBase64url(text: string, canonical = false): Buffer | undefined {
  if (text.length % 4 === 1 || !BASE64URL.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  if (canonical && bytes.toString('base64url') !== text) return undefined;
  return bytes;
}

/** Encodes bytes or a UTF-8 string as base64url without padding. */
export function encodeBase64url(data: Uint8Array | string): string {
  return (typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength)).toString('base64url');
}

/** `bytes` random bytes from the CSPRNG, as base64url (32 bytes give 43 characters, 256 bits). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** SHA-256 of a UTF-8 string. */
export function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * Compares two byte strings in time that depends only on their length. Different lengths return
 * false at once: callers compare fixed-length digests, so the length is no secret.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && timingSafeEqual(a, b);
}

/** Compares two strings through their SHA-256 digests, so neither length nor content leaks. */
export function constantTimeStringEqual(a: string, b: string): boolean {
  return timingSafeEqual(sha256(a), sha256(b));
}
