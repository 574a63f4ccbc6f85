/**
 * How it works (RFC 7636): the client invents a secret `code_verifier`, sends only its SHA-256,
 * the `code_challenge`, with the authorization request, and proves it knows the verifier when it
 * redeems the code. Whoever steals the code in the redirect does not have the verifier. Only the
 * S256 method is offered: `plain` sends the verifier itself and protects nothing (RFC 9700 §2.1.1).
 */
import { createHash } from 'node:crypto';
import { constantTimeEqual, decodeBase64url, randomToken } from '../encoding.js';

/** A verifier and its S256 challenge. */
export interface PkcePair {
  verifier: string;
  challenge: string;
  method: 'S256';
}

const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/** True when `verifier` has the syntax of RFC 7636 §4.1: 43 to 128 unreserved characters. */
export function isPkceVerifier(verifier: unknown): verifier is string {
  return typeof verifier === 'string' && VERIFIER.test(verifier);
}

/** True when `challenge` has the shape of an S256 challenge: 43 base64url characters (32 bytes). */
export function isPkceChallenge(challenge: unknown): challenge is string {
  return typeof challenge === 'string' && CHALLENGE.test(challenge) && decodeBase64url(challenge, true) !== undefined;
}

/**
 * `BASE64URL(SHA256(ASCII(verifier)))`.
 *
 * @example
 * ```ts
 * pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'); // 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM' (RFC 7636 appendix B)
 * ```
 */
export function pkceChallenge(verifier: string): string {
  if (!isPkceVerifier(verifier)) throw new TypeError('a PKCE verifier has 43 to 128 characters of [A-Za-z0-9-._~]');
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** A fresh verifier (32 random bytes, 43 characters) and its challenge. */
export function createPkcePair(): PkcePair {
  const verifier = randomToken(32);
  return { verifier, challenge: pkceChallenge(verifier), method: 'S256' };
}

/** True when `verifier` is well formed and hashes to `challenge`; compared in constant time. */
export function verifyPkce(verifier: unknown, challenge: string): boolean {
  if (!isPkceVerifier(verifier)) return false;
  return constantTimeEqual(Buffer.from(pkceChallenge(verifier)), Buffer.from(challenge));
}
