import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, hashPassword, needsRehash, verifyPassword } from './password.js';

const FAST = { log2N: 10, r: 8, p: 1 };

describe('scrypt password hashing', () => {
  it('hashes with the OWASP parameters by default, in PHC format', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(DEFAULT_SCRYPT).toEqual({ log2N: 17, r: 8, p: 1 });
  }, 30_000); // 128 MiB of scrypt: well under a second alone, seconds beside the other suites

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('s3cret:with:colons', FAST);
    expect(await verifyPassword('s3cret:with:colons', stored)).toBe(true);
    expect(await verifyPassword('s3cret:with:colonz', stored)).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    expect(await hashPassword('same', FAST)).not.toBe(await hashPassword('same', FAST));
  });

  it('normalizes to NFC, so both spellings of é match', async () => {
    const stored = await hashPassword('caf\u00e9', FAST);
    expect(await verifyPassword('cafe\u0301', stored)).toBe(true);
  });

  it('says when a hash was made with weaker parameters', async () => {
    const weak = await hashPassword('x', FAST);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(weak, FAST)).toBe(false);
  });

  it('refuses unsafe parameters and corrupt hashes', async () => {
    await expect(hashPassword('x', { log2N: 4, r: 8, p: 1 })).rejects.toThrow(TypeError);
    await expect(verifyPassword('x', '$scrypt$ln=30,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$' + 'A'.repeat(43))).rejects.toThrow(TypeError);
    await expect(verifyPassword('x', 'plaintext')).rejects.toThrow(TypeError);
  });
});
