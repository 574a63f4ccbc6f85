import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RFC7636_B } from '../test-support/rfc-vectors.js';
import { createPkcePair, isPkceVerifier, pkceChallenge, verifyPkce } from './pkce.js';

describe('PKCE (RFC 7636)', () => {
  it('computes the appendix B challenge from its verifier', () => {
    expect(pkceChallenge(RFC7636_B.verifier)).toBe(RFC7636_B.challenge);
    expect(verifyPkce(RFC7636_B.verifier, RFC7636_B.challenge)).toBe(true);
  });

  it('creates fresh 43-character verifiers whose challenge verifies', () => {
    const pair = createPkcePair();
    expect(pair.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(pair.method).toBe('S256');
    expect(verifyPkce(pair.verifier, pair.challenge)).toBe(true);
    expect(createPkcePair().verifier).not.toBe(pair.verifier);
  });

  it('refuses a wrong verifier, a plain one (the challenge itself) and a malformed one', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9\-._~]{43,128}$/), (verifier) => {
        fc.pre(verifier !== RFC7636_B.verifier);
        expect(verifyPkce(verifier, RFC7636_B.challenge)).toBe(false);
      }),
    );
    expect(verifyPkce(RFC7636_B.challenge, RFC7636_B.challenge)).toBe(false);
    expect(isPkceVerifier('short')).toBe(false);
    expect(verifyPkce(undefined, RFC7636_B.challenge)).toBe(false);
    expect(() => pkceChallenge('has spaces in it but is long enough to pass the length check')).toThrow(TypeError);
  });
});
