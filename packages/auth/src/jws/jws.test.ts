import { createHmac, createSecretKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JwtAlgorithmError, JwtCritError, JwtInvalidError, JwtKeyError, JwtSignatureError } from '../errors.js';
import { RFC7515_A1, RFC7515_A3, RFC8037_A4 } from '../test-support/rfc-vectors.js';
import { segment, testKeys } from '../test-support/keys.js';
import { JWS_ALGORITHMS } from './algorithms.js';
import { signJws } from './sign.js';
import { verifyJws, verifyJwsAsync } from './verify.js';

const keys = testKeys();

describe('published examples', () => {
  it('verifies RFC 7515 appendix A.1 (HS256)', () => {
    const { header, payload } = verifyJws(RFC7515_A1.token, RFC7515_A1.key, { algorithms: ['HS256'] });
    expect(header).toEqual({ typ: 'JWT', alg: 'HS256' });
    expect(JSON.parse(payload.toString())).toEqual({ iss: 'joe', exp: 1300819380, 'http://example.com/is_root': true });
  });

  it('verifies RFC 7515 appendix A.3 (ES256)', () => {
    expect(verifyJws(RFC7515_A3.token, RFC7515_A3.publicKey, { algorithms: ['ES256'] }).header.alg).toBe('ES256');
  });

  it('reproduces and verifies RFC 8037 appendix A.4 (EdDSA, Ed25519)', () => {
    expect(signJws(RFC8037_A4.payload, RFC8037_A4.privateKey, { alg: 'EdDSA' })).toBe(RFC8037_A4.token);
    expect(verifyJws(RFC8037_A4.token, RFC8037_A4.publicKey, { algorithms: ['EdDSA'] }).payload.toString()).toBe(RFC8037_A4.payload);
  });
});

describe('signJws and verifyJws', () => {
  it.each(JWS_ALGORITHMS)('round-trips any payload with %s', (alg) => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const token = signJws(bytes, keys[alg].sign, { alg, header: { kid: 'k1' } });
        const { header, payload } = verifyJws(token, keys[alg].verify, { algorithms: [alg] });
        expect(header).toEqual({ alg, kid: 'k1' });
        expect(new Uint8Array(payload)).toEqual(bytes);
      }),
      { numRuns: 20 },
    );
  });

  it('keeps alg first and lets no header override it', () => {
    const token = signJws('x', keys.HS256.sign, { alg: 'HS256', header: { alg: 'none', kid: 'a' } });
    expect(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()).toBe('{"alg":"HS256","kid":"a"}');
  });

  it('picks the key with a resolver by kid', () => {
    const token = signJws('x', keys.EdDSA.sign, { alg: 'EdDSA', header: { kid: 'ed' } });
    const resolver = (header: { kid?: string }) => (header.kid === 'ed' ? keys.EdDSA.verify : keys.ES256.verify);
    expect(verifyJws(token, resolver, { algorithms: ['EdDSA', 'ES256'] }).payload.toString()).toBe('x');
  });

  it('refuses any changed character of a token', () => {
    const token = signJws('{"sub":"ada"}', keys.HS256.sign, { alg: 'HS256' });
    fc.assert(
      fc.property(fc.nat(token.length - 1), fc.constantFrom(...'AQgw_-.x'), (index, replacement) => {
        fc.pre(token[index] !== replacement);
        const changed = token.slice(0, index) + replacement + token.slice(index + 1);
        expect(() => verifyJws(changed, keys.HS256.verify, { algorithms: ['HS256'] })).toThrow(JwtInvalidError);
      }),
      { numRuns: 200 },
    );
  });
});

describe('verifyJwsAsync', () => {
  it.each(JWS_ALGORITHMS)('agrees with verifyJws for %s, on good and on tampered tokens', async (alg) => {
    const token = signJws('{"sub":"ada"}', keys[alg].sign, { alg });
    expect(await verifyJwsAsync(token, keys[alg].verify, { algorithms: [alg] })).toEqual(verifyJws(token, keys[alg].verify, { algorithms: [alg] }));
    const [h, , sig] = token.split('.');
    const tampered = `${h}.${segment({ sub: 'admin' })}.${sig}`;
    await expect(verifyJwsAsync(tampered, keys[alg].verify, { algorithms: [alg] })).rejects.toThrow(JwtSignatureError);
    await expect(verifyJwsAsync(token, keys[alg].verify, { algorithms: [] })).rejects.toThrow(TypeError);
  });

  it('verifies the published examples', async () => {
    expect((await verifyJwsAsync(RFC8037_A4.token, RFC8037_A4.publicKey, { algorithms: ['EdDSA'] })).payload.toString()).toBe(RFC8037_A4.payload);
    expect((await verifyJwsAsync(RFC7515_A3.token, RFC7515_A3.publicKey, { algorithms: ['ES256'] })).header.alg).toBe('ES256');
  });
});

describe('refusals', () => {
  const payload = segment({ sub: 'ada' });

  it('needs an explicit, non-empty allow-list', () => {
    const token = signJws('x', keys.HS256.sign, { alg: 'HS256' });
    expect(() => verifyJws(token, keys.HS256.verify, { algorithms: [] })).toThrow(TypeError);
  });

  it('refuses alg none in any spelling, even when the allow-list was tampered with', () => {
    for (const alg of ['none', 'None', 'NONE']) {
      const token = `${segment({ alg })}.${payload}.`;
      expect(() => verifyJws(token, keys.HS256.verify, { algorithms: ['HS256', alg as 'HS256'] })).toThrow(JwtAlgorithmError);
    }
  });

  it('refuses an algorithm outside the allow-list', () => {
    const token = signJws('x', keys.ES256.sign, { alg: 'ES256' });
    expect(() => verifyJws(token, keys.ES256.verify, { algorithms: ['EdDSA'] })).toThrow(JwtAlgorithmError);
  });

  it('refuses HS/RS key confusion: an HS256 token "signed" with the RSA public key', () => {
    const pem = keys.RS256.verify.export({ format: 'pem', type: 'spki' });
    // The attacker's side: HMAC keyed with the public key's PEM text (this package refuses to sign so).
    const input = `${segment({ alg: 'HS256' })}.${segment({ sub: 'admin' })}`;
    const forged = `${input}.${createHmac('sha256', pem).update(input).digest('base64url')}`;
    expect(() => verifyJws(forged, keys.RS256.verify, { algorithms: ['RS256', 'HS256'] })).toThrow(JwtKeyError);
    expect(() => verifyJws(forged, keys.RS256.verify, { algorithms: ['RS256'] })).toThrow(JwtAlgorithmError);
    expect(() => verifyJws(forged, pem as unknown as Uint8Array, { algorithms: ['HS256'] })).toThrow(TypeError);
  });

  it('refuses HMAC keys shorter than 256 bits, to sign and to verify', () => {
    const short = createSecretKey(randomBytes(31));
    expect(() => signJws('x', short, { alg: 'HS256' })).toThrow(JwtKeyError);
    const token = `${segment({ alg: 'HS256' })}.${payload}.${'A'.repeat(43)}`;
    expect(() => verifyJws(token, short, { algorithms: ['HS256'] })).toThrow(JwtKeyError);
  });

  it('refuses keys of the wrong kind or size for each algorithm', () => {
    const weakRsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    expect(() => signJws('x', weakRsa.privateKey, { alg: 'RS256' })).toThrow(/2048/);
    expect(() => signJws('x', p384.privateKey, { alg: 'ES256' })).toThrow(/P-256/);
    expect(() => signJws('x', keys.EdDSA.verify, { alg: 'EdDSA' })).toThrow(JwtKeyError);
    expect(() => signJws('x', keys.ES256.sign, { alg: 'EdDSA' })).toThrow(JwtKeyError);
  });

  it('refuses a crit extension it does not understand, and accepts one the caller handles', () => {
    const token = signJws('x', keys.HS256.sign, { alg: 'HS256', header: { crit: ['exp-policy'], 'exp-policy': 1 } });
    expect(() => verifyJws(token, keys.HS256.verify, { algorithms: ['HS256'] })).toThrow(JwtCritError);
    expect(verifyJws(token, keys.HS256.verify, { algorithms: ['HS256'], crit: ['exp-policy'] }).header.crit).toEqual(['exp-policy']);
    const listedButAbsent = signJws('x', keys.HS256.sign, { alg: 'HS256', header: { crit: ['b64'] } });
    expect(() => verifyJws(listedButAbsent, keys.HS256.verify, { algorithms: ['HS256'], crit: ['b64'] })).toThrow(JwtCritError);
    const empty = signJws('x', keys.HS256.sign, { alg: 'HS256', header: { crit: [] } });
    expect(() => verifyJws(empty, keys.HS256.verify, { algorithms: ['HS256'] })).toThrow(JwtCritError);
  });

  it('refuses a changed signature, including a non-canonical base64url spelling of the same bytes', () => {
    const token = signJws('x', keys.HS256.sign, { alg: 'HS256' });
    const last = token.at(-1) ?? '';
    const sameBytes = token.slice(0, -1) + String.fromCharCode(last.charCodeAt(0) + 1);
    expect(() => verifyJws(sameBytes, keys.HS256.verify, { algorithms: ['HS256'] })).toThrow(JwtInvalidError);
    const [h, p, s = ''] = token.split('.');
    const flipped = Buffer.from(s, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => verifyJws(`${h}.${p}.${flipped.toString('base64url')}`, keys.HS256.verify, { algorithms: ['HS256'] })).toThrow(JwtSignatureError);
  });

  it.each([
    ['two segments', 'a.b'],
    ['four segments', 'a.b.c.d'],
    ['a header that is not JSON', `${Buffer.from('nope').toString('base64url')}.${payload}.`],
    ['a header that is an array', `${segment(['HS256'])}.${payload}.`],
    ['a header without alg', `${segment({ typ: 'JWT' })}.${payload}.`],
    ['padding', `${segment({ alg: 'HS256' })}=.${payload}.`],
  ])('refuses a malformed token: %s', (_name, token) => {
    expect(() => verifyJws(token, keys.HS256.verify, { algorithms: ['HS256'] })).toThrow(JwtInvalidError);
  });

  it('refuses an oversized token before parsing it', () => {
    expect(() => verifyJws('a'.repeat(20_000), keys.HS256.verify, { algorithms: ['HS256'] })).toThrow(/length/);
  });
});
