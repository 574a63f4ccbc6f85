/**
 * How it works: passwords are stored as scrypt (RFC 7914) hashes in PHC string format,
 * `$scrypt$ln=17,r=8,p=1$<salt>$<hash>` (salt and hash in unpadded base64). The parameters
 * travel with the hash, so raising them later leaves old hashes verifiable, and
 * {@link needsRehash} tells you when to upgrade one at the next successful login.
 *
 * The default, N = 2^17, r = 8, p = 1, is OWASP's recommendation: 128 MiB and about a second of
 * one core per guess, which is the point. Verification compares digests in constant time.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost parameters. */
export interface ScryptParameters {
  /** log2 of the CPU/memory cost N (10..20). */
  log2N: number;
  /** Block size (1..32). */
  r: number;
  /** Parallelization (1..16). */
  p: number;
}

/** OWASP's recommended minimum: N = 2^17, r = 8, p = 1. */
export const DEFAULT_SCRYPT: Readonly<ScryptParameters> = Object.freeze({ log2N: 17, r: 8, p: 1 });

const SALT_BYTES = 16;
const KEY_BYTES = 32;
const PHC = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]{22})\$([A-Za-z0-9+/]{43})$/;

function checkParameters({ log2N, r, p }: ScryptParameters): void {
  const ok = Number.isInteger(log2N) && log2N >= 10 && log2N <= 20 && Number.isInteger(r) && r >= 1 && r <= 32 && Number.isInteger(p) && p >= 1 && p <= 16;
  if (!ok) throw new TypeError(`scrypt parameters out of range: ln=${log2N}, r=${r}, p=${p}`);
}

function derive(password: string, salt: Buffer, params: ScryptParameters): Promise<Buffer> {
  const N = 2 ** params.log2N;
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 128 * N * params.r * params.p + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function parse(stored: string): { params: ScryptParameters; salt: Buffer; hash: Buffer } {
  const match = PHC.exec(stored);
  if (!match) throw new TypeError('not a $scrypt$ PHC string');
  const [, ln, r, p, salt, hash] = match as unknown as [string, string, string, string, string, string];
  const params = { log2N: Number(ln), r: Number(r), p: Number(p) };
  checkParameters(params);
  return { params, salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') };
}

const b64 = (bytes: Buffer): string => bytes.toString('base64').replace(/=+$/, '');

/**
 * Hashes a password with a fresh random salt.
 *
 * @example
 * ```ts
 * const stored = await hashPassword('correct horse battery staple'); // '$scrypt$ln=17,r=8,p=1$…$…'
 * await verifyPassword('correct horse battery staple', stored);      // true
 * ```
 */
export async function hashPassword(password: string, params: ScryptParameters = DEFAULT_SCRYPT): Promise<string> {
  checkParameters(params);
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(password, salt, params);
  return `$scrypt$ln=${params.log2N},r=${params.r},p=${params.p}$${b64(salt)}$${b64(hash)}`;
}

/** True when `password` matches `stored`; the digests are compared in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const { params, salt, hash } = parse(stored);
  const candidate = await derive(password, salt, params);
  return timingSafeEqual(candidate, hash);
}

/** True when `stored` was made with parameters weaker than `params`: rehash it after the next login. */
export function needsRehash(stored: string, params: ScryptParameters = DEFAULT_SCRYPT): boolean {
  const current = parse(stored).params;
  return current.log2N < params.log2N || current.r < params.r || current.p < params.p;
}
