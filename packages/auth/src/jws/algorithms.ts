/**
 * How it works: one entry per JWS algorithm (RFC 7518 §3, RFC 8037 §3.1). Each entry knows the
 * key it needs and how to sign and verify with node:crypto. The key check is the defence against
 * algorithm confusion: the token's `alg` picks the entry, and the entry refuses any key that is
 * not of its own kind. An RSA public key can never become an HMAC secret here, because HS256
 * accepts only `secret` KeyObjects (and bytes, which become one).
 *
 *   alg    key type             minimum          signature
 *   HS256  secret               256 bits         HMAC-SHA-256, 32 bytes
 *   RS256  rsa (PKCS#1 v1.5)     2048-bit modulus RSASSA-PKCS1-v1_5 with SHA-256
 *   ES256  ec, curve P-256      -                r || s, 64 bytes (not DER)
 *   EdDSA  ed25519 or ed448     -                64 or 114 bytes
 */
import { createHmac, createPublicKey, createSecretKey, KeyObject, sign, verify, X509Certificate } from 'node:crypto';
import { constantTimeEqual } from '../encoding.js';
import { JwtKeyError } from '../errors.js';

/** The JWS algorithms this package implements. `none` is not one of them, on purpose. */
export type JwsAlgorithm = 'HS256' | 'RS256' | 'ES256' | 'EdDSA';

/** A key: a `KeyObject` of the right kind, or raw bytes for HS256 (at least 32 of them). */
export type KeyInput = KeyObject | Uint8Array;

interface AlgorithmSpec {
  /** Throws {@link JwtKeyError} unless `key` fits; `use` says which half of a pair is needed. */
  check(key: KeyObject, use: 'sign' | 'verify'): void;
  sign(input: Buffer, key: KeyObject): Buffer;
  verify(input: Buffer, signature: Buffer, key: KeyObject): boolean;
  /** The same check on the thread pool; absent where the work is too small to be worth the hop (HMAC). */
  verifyAsync?(input: Buffer, signature: Buffer, key: KeyObject): Promise<boolean>;
}

type VerifyKey = Parameters<typeof verify>[2];

/** `crypto.verify` with a callback: the work runs on libuv's thread pool. */
function verifyOnPool(digest: string | null, input: Buffer, key: VerifyKey, signature: Buffer): Promise<boolean> {
  return new Promise((resolve, reject) => {
    verify(digest, input, key, signature, (error, ok) => (error ? reject(error) : resolve(ok)));
  });
}

const MIN_HMAC_BYTES = 32;
const MIN_RSA_BITS = 2048;

function describe(key: KeyObject): string {
  return key.type === 'secret' ? `a ${(key.symmetricKeySize ?? 0) * 8}-bit secret key` : `a ${key.type} ${key.asymmetricKeyType ?? ''} key`;
}

function expectPair(alg: string, key: KeyObject, use: 'sign' | 'verify', types: readonly string[]): void {
  const wanted = use === 'sign' ? 'private' : 'public';
  if (key.type !== wanted || !types.includes(key.asymmetricKeyType ?? '')) {
    throw new JwtKeyError(`${alg} needs a ${wanted} ${types.join(' or ')} key to ${use}, got ${describe(key)}`);
  }
}

/**
 * True when HMAC key bytes are really a public key (or any key file): PEM armour, an SPKI or
 * PKCS#1 DER public key, an X.509 certificate, an OpenSSH public key line, or JWK JSON. Read
 * with `readFileSync('public.pem')` and allowed beside RS256, such bytes let anyone holding the
 * public key sign HS256 tokens: algorithm confusion. Random secrets never look like this.
 */
export function looksLikePublicKey(bytes: Buffer): boolean {
  const text = bytes.toString('latin1').trim();
  if (text.includes('-----BEGIN ') || /^(ssh-(rsa|dss|ed25519|ed448)|ecdsa-sha2-|sk-)\S* /.test(text)) return true;
  if (text.startsWith('{')) {
    try {
      const jwk: unknown = JSON.parse(text);
      if (typeof jwk === 'object' && jwk !== null && (Object.hasOwn(jwk, 'kty') || Object.hasOwn(jwk, 'keys'))) return true;
    } catch {
      // not JSON: an unusual secret, but not a JWK
    }
  }
  if (bytes[0] !== 0x30) return false; // every DER key and certificate is a SEQUENCE
  for (const type of ['spki', 'pkcs1'] as const) {
    try {
      createPublicKey({ key: bytes, format: 'der', type });
      return true;
    } catch {
      // not this encoding
    }
  }
  try {
    new X509Certificate(bytes);
    return true;
  } catch {
    return false;
  }
}

const HS256: AlgorithmSpec = {
  check(key) {
    if (key.type !== 'secret') {
      throw new JwtKeyError(`HS256 needs a secret key, got ${describe(key)} (algorithm confusion refused)`);
    }
    const size = key.symmetricKeySize ?? 0;
    if (size < MIN_HMAC_BYTES) {
      throw new JwtKeyError(`HS256 needs a key of at least 256 bits, got ${size * 8} bits`);
    }
    if (looksLikePublicKey(key.export())) {
      throw new JwtKeyError('HS256 key bytes are a public key or a key file (PEM, DER, JWK): algorithm confusion refused');
    }
  },
  sign: (input, key) => createHmac('sha256', key).update(input).digest(),
  verify: (input, signature, key) => constantTimeEqual(createHmac('sha256', key).update(input).digest(), signature),
};

const RS256: AlgorithmSpec = {
  check(key, use) {
    expectPair('RS256', key, use, ['rsa']);
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    if (bits < MIN_RSA_BITS) throw new JwtKeyError(`RS256 needs a modulus of at least 2048 bits, got ${bits}`);
  },
  sign: (input, key) => sign('sha256', input, key),
  verify: (input, signature, key) => verify('sha256', input, key, signature),
  verifyAsync: (input, signature, key) => verifyOnPool('sha256', input, key, signature),
};

const ES256: AlgorithmSpec = {
  check(key, use) {
    expectPair('ES256', key, use, ['ec']);
    const curve = key.asymmetricKeyDetails?.namedCurve;
    if (curve !== 'prime256v1') throw new JwtKeyError(`ES256 needs a P-256 key, got curve ${curve ?? 'unknown'}`);
  },
  sign: (input, key) => sign('sha256', input, { key, dsaEncoding: 'ieee-p1363' }),
  verify: (input, signature, key) =>
    signature.byteLength === 64 && verify('sha256', input, { key, dsaEncoding: 'ieee-p1363' }, signature),
  verifyAsync: async (input, signature, key) =>
    signature.byteLength === 64 && verifyOnPool('sha256', input, { key, dsaEncoding: 'ieee-p1363' }, signature),
};

/**
 * The y-coordinates of the Ed25519 points of small order (1, 2, 4 and 8), little-endian, with
 * the x sign bit cleared, including the non-canonical spellings y = p and y = p + 1: the
 * blocklist of libsodium's `ge25519_has_small_order` (src/libsodium/crypto_core/ed25519/ref10/
 * ed25519_ref10.c). With the sign bit either way these are the "eight plus six alternative
 * encodings" of C2SP's Ed25519 edge-case vectors (github.com/C2SP/CCTV, ed25519/). A public key
 * A of small order makes [k]A vanish (or cycle through a few points), so one signature, e.g.
 * R = identity and S = 0 for A = identity, verifies for every message; RFC 8032 §5.1.7 does not
 * ask verifiers to refuse such keys, and OpenSSL does not.
 */
const ED25519_SMALL_ORDER_Y: readonly Buffer[] = [
  '0000000000000000000000000000000000000000000000000000000000000000', // y = 0: order 4
  '0100000000000000000000000000000000000000000000000000000000000000', // y = 1: the identity, order 1
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05', // order 8
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a', // order 8
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', // y = p - 1: order 2
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', // y = p, i.e. 0 again (non-canonical)
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', // y = p + 1, i.e. 1 again (non-canonical)
].map((hex) => Buffer.from(hex, 'hex'));

/** True for an Ed25519 public key (32 bytes, RFC 8032 §5.1.2 encoding) of small order. */
export function isSmallOrderEd25519(encoded: Uint8Array): boolean {
  if (encoded.byteLength !== 32) return false;
  const y = Buffer.from(encoded);
  y[31] = (y[31] ?? 0) & 0x7f;
  return ED25519_SMALL_ORDER_Y.some((point) => point.equals(y));
}

const EdDSA: AlgorithmSpec = {
  check(key, use) {
    expectPair('EdDSA', key, use, ['ed25519', 'ed448']);
    if (use === 'verify' && key.asymmetricKeyType === 'ed25519') {
      const { x } = key.export({ format: 'jwk' });
      if (x === undefined || isSmallOrderEd25519(Buffer.from(x, 'base64url'))) {
        throw new JwtKeyError('the Ed25519 public key has small order: any message would verify');
      }
    }
  },
  sign: (input, key) => sign(null, input, key),
  verify: (input, signature, key) => verify(null, input, key, signature),
  verifyAsync: (input, signature, key) => verifyOnPool(null, input, key, signature),
};

const SPECS: Readonly<Record<JwsAlgorithm, AlgorithmSpec>> = { HS256, RS256, ES256, EdDSA };

/** Every algorithm name this package implements. */
export const JWS_ALGORITHMS: readonly JwsAlgorithm[] = Object.freeze(Object.keys(SPECS) as JwsAlgorithm[]);

/** True when `alg` names an algorithm this package implements. */
export function isJwsAlgorithm(alg: unknown): alg is JwsAlgorithm {
  return typeof alg === 'string' && Object.hasOwn(SPECS, alg);
}

// Checking a key reads its details from OpenSSL; remember which (key, alg, use) passed.
const checked = new WeakMap<KeyObject, Set<string>>();

/** Turns a {@link KeyInput} into a KeyObject checked for `alg` and `use`, or throws {@link JwtKeyError}. */
export function keyFor(alg: JwsAlgorithm, input: KeyInput, use: 'sign' | 'verify'): KeyObject {
  let key: KeyObject;
  if (input instanceof KeyObject) key = input;
  else if (input instanceof Uint8Array) key = createSecretKey(input);
  else throw new TypeError('key must be a KeyObject or a Uint8Array (strings are refused: a PEM string is how HS/RS confusion starts)');
  const tag = `${alg}:${use}`;
  const seen = checked.get(key);
  if (seen?.has(tag)) return key;
  SPECS[alg].check(key, use);
  if (seen) seen.add(tag);
  else checked.set(key, new Set([tag]));
  return key;
}

/** Signs `input` with a key already checked by {@link keyFor}. */
export function signBytes(alg: JwsAlgorithm, input: Buffer, key: KeyObject): Buffer {
  return SPECS[alg].sign(input, key);
}

/** Verifies `signature` over `input` with a key already checked by {@link keyFor}. */
export function verifyBytes(alg: JwsAlgorithm, input: Buffer, signature: Buffer, key: KeyObject): boolean {
  return SPECS[alg].verify(input, signature, key);
}

/** {@link verifyBytes} on the thread pool where the algorithm offers it. */
export function verifyBytesAsync(alg: JwsAlgorithm, input: Buffer, signature: Buffer, key: KeyObject): Promise<boolean> {
  const spec = SPECS[alg];
  return spec.verifyAsync ? spec.verifyAsync(input, signature, key) : Promise.resolve(spec.verify(input, signature, key));
}
