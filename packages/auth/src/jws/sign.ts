import { encodeBase64url } from '../encoding.js';
import { keyFor, signBytes, type JwsAlgorithm, type KeyInput } from './algorithms.js';

/** Options of {@link signJws}. */
export interface SignJwsOptions {
  /** The algorithm; the key must fit it. */
  alg: JwsAlgorithm;
  /** More header parameters (`kid`, `typ`, …); `alg` always comes first and cannot be overridden. */
  header?: Readonly<Record<string, unknown>>;
}

/**
 * Signs `payload` as a JWS in compact serialization (RFC 7515 §7.1):
 * `base64url(header) . base64url(payload) . base64url(signature)`.
 *
 * @example
 * ```ts
 * const { privateKey } = generateKeyPairSync('ed25519');
 * signJws('hello', privateKey, { alg: 'EdDSA' }); // 'eyJhbGciOiJFZERTQSJ9.aGVsbG8.…'
 * ```
 */
export function signJws(payload: Uint8Array | string, key: KeyInput, options: SignJwsOptions): string {
  const keyObject = keyFor(options.alg, key, 'sign');
  const header = { alg: options.alg, ...options.header };
  header.alg = options.alg; // keeps `alg` first in the JSON, and the caller's header cannot replace it
  const input = `${encodeBase64url(JSON.stringify(header))}.${encodeBase64url(payload)}`;
  return `${input}.${encodeBase64url(signBytes(options.alg, Buffer.from(input, 'ascii'), keyObject))}`;
}
