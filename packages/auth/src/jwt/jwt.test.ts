import * as jose from 'jose';
import { describe, expect, it } from 'vitest';
import { JwtAlgorithmError, JwtClaimError, JwtExpiredError, JwtNotYetValidError, JwtSignatureError } from '../errors.js';
import { JWS_ALGORITHMS } from '../jws/algorithms.js';
import { RFC7515_A1, RFC7515_A3 } from '../test-support/rfc-vectors.js';
import { segment, testKeys } from '../test-support/keys.js';
import { signJwt } from './sign.js';
import { verifyJwt, verifyJwtAsync } from './verify.js';

const keys = testKeys();
const NOW = 1_750_000_000_000;
const clock = () => NOW;
const seconds = NOW / 1000;

describe('published examples', () => {
  it('verifies RFC 7515 A.1 as a JWT before its exp, and calls it expired after', () => {
    const { payload } = verifyJwt(RFC7515_A1.token, RFC7515_A1.key, { algorithms: ['HS256'], clock: () => RFC7515_A1.before, issuer: 'joe' });
    expect(payload['http://example.com/is_root']).toBe(true);
    expect(() => verifyJwt(RFC7515_A1.token, RFC7515_A1.key, { algorithms: ['HS256'] })).toThrow(JwtExpiredError);
  });

  it('verifies RFC 7515 A.3 as a JWT', () => {
    expect(verifyJwt(RFC7515_A3.token, RFC7515_A3.publicKey, { algorithms: ['ES256'], clock: () => RFC7515_A1.before }).payload.iss).toBe('joe');
  });
});

describe('interoperability with jose', () => {
  it.each(JWS_ALGORITHMS)('verifies %s tokens signed by jose', async (alg) => {
    const token = await new jose.SignJWT({ sub: 'ada', scope: 'books:write' })
      .setProtectedHeader({ alg, typ: 'JWT' })
      .setIssuer('https://auth.example')
      .setAudience('bookshelf')
      .setIssuedAt(seconds)
      .setExpirationTime(seconds + 60)
      .sign(keys[alg].sign);
    const options = { algorithms: [alg], issuer: 'https://auth.example', audience: 'bookshelf', clock };
    const { payload } = verifyJwt(token, keys[alg].verify, options);
    expect(payload).toMatchObject({ sub: 'ada', scope: 'books:write', iat: seconds, exp: seconds + 60 });
    expect((await verifyJwtAsync(token, keys[alg].verify, options)).payload).toEqual(payload);
    await expect(verifyJwtAsync(token, keys[alg].verify, { ...options, audience: 'payments' })).rejects.toThrow(JwtClaimError);
  });

  it.each(JWS_ALGORITHMS)('signs %s tokens that jose verifies', async (alg) => {
    const token = signJwt({ sub: 'ada', iss: 'https://auth.example', aud: 'bookshelf' }, keys[alg].sign, { alg, expiresInSeconds: 60, clock });
    const { payload, protectedHeader } = await jose.jwtVerify(token, keys[alg].verify, {
      algorithms: [alg], issuer: 'https://auth.example', audience: 'bookshelf', currentDate: new Date(NOW),
    });
    expect(protectedHeader).toEqual({ alg, typ: 'JWT' });
    expect(payload).toEqual({ sub: 'ada', iss: 'https://auth.example', aud: 'bookshelf', iat: seconds, exp: seconds + 60 });
  });
});

describe('claims', () => {
  const sign = (claims: Record<string, unknown>, extra: { expiresInSeconds?: number; notBeforeSeconds?: number } = {}) =>
    signJwt(claims, keys.HS256.sign, { alg: 'HS256', clock, ...extra });
  const verify = (token: string, options: Partial<Parameters<typeof verifyJwt>[2]> = {}) =>
    verifyJwt(token, keys.HS256.verify, { algorithms: ['HS256'], clock, ...options });

  it('refuses an expired token, and forgives the clock tolerance', () => {
    const token = signJwt({ sub: 'ada' }, keys.HS256.sign, { alg: 'HS256', clock: () => NOW - 120_000, expiresInSeconds: 60 });
    expect(() => verify(token)).toThrow(JwtExpiredError);
    expect(() => verify(token, { clockToleranceSeconds: 59 })).toThrow(JwtExpiredError);
    expect(verify(token, { clockToleranceSeconds: 61 }).payload.sub).toBe('ada');
  });

  it('treats exp as exclusive: a token is dead at its exp second', () => {
    const token = sign({ sub: 'ada', exp: seconds });
    expect(() => verify(token)).toThrow(JwtExpiredError);
    expect(verify(sign({ sub: 'ada', exp: seconds + 1 })).payload.sub).toBe('ada');
  });

  it('refuses a token not yet valid, and forgives the clock tolerance', () => {
    const token = sign({ sub: 'ada' }, { notBeforeSeconds: 30 });
    expect(() => verify(token)).toThrow(JwtNotYetValidError);
    expect(verify(token, { clockToleranceSeconds: 30 }).payload.sub).toBe('ada');
  });

  it('refuses a wrong or missing issuer when one is required', () => {
    expect(() => verify(sign({ iss: 'https://evil.example' }), { issuer: 'https://auth.example' })).toThrow(JwtClaimError);
    expect(() => verify(sign({}), { issuer: 'https://auth.example' })).toThrow(expect.objectContaining({ claim: 'iss', code: 'ERR_JWT_CLAIM' }));
    expect(verify(sign({ iss: 'b' }), { issuer: ['a', 'b'] }).payload.iss).toBe('b');
  });

  it('refuses a wrong or missing audience when one is required', () => {
    expect(() => verify(sign({ aud: 'payments' }), { audience: 'bookshelf' })).toThrow(expect.objectContaining({ claim: 'aud' }));
    expect(() => verify(sign({}), { audience: 'bookshelf' })).toThrow(expect.objectContaining({ claim: 'aud' }));
    expect(verify(sign({ aud: ['payments', 'bookshelf'] }), { audience: 'bookshelf' }).payload.aud).toContain('bookshelf');
  });

  it('checks sub, typ, required claims and maximum age', () => {
    expect(() => verify(sign({ sub: 'eve' }), { subject: 'ada' })).toThrow(expect.objectContaining({ claim: 'sub' }));
    expect(() => verify(sign({}), { typ: 'at+jwt' })).toThrow(expect.objectContaining({ claim: 'typ' }));
    const accessToken = signJwt({}, keys.HS256.sign, { alg: 'HS256', typ: 'at+jwt', clock });
    expect(verify(accessToken, { typ: 'application/at+jwt' }).header.typ).toBe('at+jwt');
    expect(() => verify(sign({}), { requiredClaims: ['jti'] })).toThrow(expect.objectContaining({ claim: 'jti' }));
    expect(() => verify(sign({ iat: seconds - 600 }), { maxAgeSeconds: 300 })).toThrow(JwtExpiredError);
  });

  it('refuses malformed time claims and payloads that are not objects', () => {
    expect(() => verify(sign({ exp: 'tomorrow' }))).toThrow(expect.objectContaining({ claim: 'exp' }));
    const notAnObject = `${segment({ alg: 'HS256' })}.${segment([1, 2])}`;
    const token = signJwt({}, keys.HS256.sign, { alg: 'HS256' }).split('.');
    expect(() => verify(`${notAnObject}.${token[2]}`)).toThrow(JwtSignatureError);
  });

  it('refuses a tampered payload: sub changed to admin', () => {
    const [h, , s] = sign({ sub: 'ada', role: 'reader' }).split('.');
    const tampered = `${h}.${segment({ sub: 'admin', role: 'admin', iat: seconds })}.${s}`;
    expect(() => verify(tampered)).toThrow(JwtSignatureError);
  });

  it('refuses alg none as a JWT too', () => {
    expect(() => verify(`${segment({ alg: 'none', typ: 'JWT' })}.${segment({ sub: 'admin' })}.`)).toThrow(JwtAlgorithmError);
  });
});
