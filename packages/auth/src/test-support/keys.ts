/** Keys for tests, one of each kind, generated once per test file. */
import { createSecretKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import type { JwsAlgorithm } from '../jws/algorithms.js';

export interface TestKeys {
  sign: KeyObject;
  verify: KeyObject;
}

/** A signing and a verifying key for each algorithm. */
export function testKeys(): Record<JwsAlgorithm, TestKeys> {
  const secret = createSecretKey(randomBytes(32));
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const ed = generateKeyPairSync('ed25519');
  return {
    HS256: { sign: secret, verify: secret },
    RS256: { sign: rsa.privateKey, verify: rsa.publicKey },
    ES256: { sign: ec.privateKey, verify: ec.publicKey },
    EdDSA: { sign: ed.privateKey, verify: ed.publicKey },
  };
}

/** Base64url of a JSON value, for building hostile tokens by hand. */
export function segment(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
