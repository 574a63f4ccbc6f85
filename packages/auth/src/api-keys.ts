/**
 * How it works: an API key reads `<prefix>_<id>_<secret>`, e.g.
 * `bks_9f86d081884c7d65_q3X…` (16 hex digits of id, 43 base64url characters of secret, 256 bits).
 *
 * - The prefix makes a leaked key recognizable (secret scanners, logs, a human).
 * - The id is not secret: it finds the record without comparing secrets.
 * - Only SHA-256 of the secret is stored. A leaked table gives no usable key, and a slow hash is
 *   not needed because the secret is random, not a password.
 * - The stored digest is compared in constant time; an unknown id is compared against a dummy
 *   digest, so every wrong key walks the same path.
 * - Rotation issues a new key for the same subject and scopes and keeps the old one valid until
 *   the grace period ends: deploy the new key, then the old one dies on its own.
 */
import { randomBytes } from 'node:crypto';
import { constantTimeEqual, decodeBase64url, randomToken, sha256 } from './encoding.js';
import { ApiKeyExpiredError, ApiKeyInvalidError, ApiKeyRevokedError } from './errors.js';

/** What a key grants, as returned by {@link ApiKeyStore.verify}. */
export interface ApiKeyPrincipal {
  id: string;
  subject: string;
  scopes: readonly string[];
}

/** What the store keeps about a key: never the key itself. */
export interface ApiKeyRecord extends ApiKeyPrincipal {
  /** SHA-256 of the secret part, hex. */
  secretHash: string;
  createdAt: number;
  expiresAt?: number;
  /** The lifetime it was issued with, passed on to its successor by {@link ApiKeyStore.rotate}. */
  ttlMs?: number;
  revokedAt?: number;
}

/** A freshly issued key. `key` is shown once: the store cannot give it back. */
export interface IssuedApiKey {
  id: string;
  key: string;
}

/** Options of {@link ApiKeyStore}. */
export interface ApiKeyStoreOptions {
  /** 2 to 16 lowercase letters or digits, starting with a letter, e.g. `bks`. */
  prefix: string;
  /** Millisecond clock; default `Date.now`. */
  clock?: () => number;
}

const PREFIX = /^[a-z][a-z0-9]{1,15}$/;
const ID = /^[0-9a-f]{16}$/;
const SECRET_LENGTH = 43;
const DUMMY_HASH = sha256('no key has this secret');

/** Refuses a NaN, infinite or too small duration: `clock() >= NaN` is false, so the key would never expire. */
function milliseconds(name: string, value: unknown, min: number): void {
  if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value < min)) {
    throw new TypeError(`${name} must be a finite number of milliseconds >= ${min}`);
  }
}

/**
 * Issues, verifies, rotates and revokes API keys, storing only hashes.
 *
 * @example
 * ```ts
 * const keys = new ApiKeyStore({ prefix: 'bks' });
 * const { id, key } = keys.issue({ subject: 'ci-bot', scopes: ['books:write'] });
 * keys.verify(key).subject;          // 'ci-bot'
 * keys.rotate(id, { graceMs: 60_000 }); // old and new key both work for a minute
 * keys.revoke(id);                   // the old key now fails with ApiKeyRevokedError
 * ```
 */
export class ApiKeyStore {
  readonly #prefix: string;
  readonly #clock: () => number;
  readonly #records = new Map<string, ApiKeyRecord>();

  constructor(options: ApiKeyStoreOptions) {
    if (!PREFIX.test(options.prefix)) throw new TypeError(`prefix must match ${PREFIX}, got "${options.prefix}"`);
    this.#prefix = options.prefix;
    this.#clock = options.clock ?? Date.now;
  }

  /** Issues a key for `subject`; `ttlMs` makes it expire. */
  issue(grant: { subject: string; scopes?: readonly string[]; ttlMs?: number }): IssuedApiKey {
    milliseconds('ttlMs', grant.ttlMs, 1);
    const id = randomBytes(8).toString('hex');
    const secret = randomToken(32);
    const createdAt = this.#clock();
    const record: ApiKeyRecord = {
      id,
      subject: grant.subject,
      scopes: Object.freeze([...(grant.scopes ?? [])]),
      secretHash: sha256(secret).toString('hex'),
      createdAt,
    };
    if (grant.ttlMs !== undefined) {
      record.expiresAt = createdAt + grant.ttlMs;
      record.ttlMs = grant.ttlMs;
    }
    this.#records.set(id, record);
    return { id, key: `${this.#prefix}_${id}_${secret}` };
  }

  /**
   * Checks a presented key. Throws {@link ApiKeyInvalidError} when it does not match,
   * {@link ApiKeyRevokedError} or {@link ApiKeyExpiredError} when it matched a dead key.
   */
  verify(presented: string): ApiKeyPrincipal {
    const parsed = this.#parse(presented);
    const record = parsed && this.#records.get(parsed.id);
    const expected = record ? Buffer.from(record.secretHash, 'hex') : DUMMY_HASH;
    const matches = constantTimeEqual(sha256(parsed?.secret ?? ''), expected);
    if (!record || !matches) throw new ApiKeyInvalidError('the API key is not valid');
    if (record.revokedAt !== undefined) throw new ApiKeyRevokedError(`API key ${record.id} was revoked`);
    if (record.expiresAt !== undefined && this.#clock() >= record.expiresAt) {
      throw new ApiKeyExpiredError(`API key ${record.id} expired`);
    }
    return { id: record.id, subject: record.subject, scopes: record.scopes };
  }

  /**
   * Issues a successor of key `id`, with the same subject, scopes and lifetime, and lets the old
   * key live `graceMs` longer (default 24 h). A revoked or expired key has no successor: rotating
   * must not bring a dead key back to life.
   *
   * @throws ApiKeyInvalidError for an unknown or revoked id, ApiKeyExpiredError for an expired key.
   */
  rotate(id: string, options: { graceMs?: number } = {}): IssuedApiKey {
    milliseconds('graceMs', options.graceMs, 0);
    const old = this.#live(id);
    if (old.expiresAt !== undefined && this.#clock() >= old.expiresAt) throw new ApiKeyExpiredError(`API key ${old.id} expired; issue a new key instead`);
    const successor = this.issue({ subject: old.subject, scopes: old.scopes, ...(old.ttlMs !== undefined && { ttlMs: old.ttlMs }) });
    const end = this.#clock() + (options.graceMs ?? 24 * 60 * 60 * 1000);
    old.expiresAt = Math.min(old.expiresAt ?? end, end);
    return successor;
  }

  /** Revokes key `id` at once. Other keys, even of the same subject, are untouched. */
  revoke(id: string): void {
    this.#live(id).revokedAt = this.#clock();
  }

  /** Every record, as you would store it in a database: ids, subjects, scopes and hashes. */
  records(): ApiKeyRecord[] {
    return [...this.#records.values()].map((record) => ({ ...record }));
  }

  #live(id: string): ApiKeyRecord {
    const record = this.#records.get(id);
    if (!record || record.revokedAt !== undefined) throw new ApiKeyInvalidError(`no live API key with id "${id}"`);
    return record;
  }

  #parse(presented: string): { id: string; secret: string } | undefined {
    const head = `${this.#prefix}_`;
    if (typeof presented !== 'string' || !presented.startsWith(head)) return undefined;
    const id = presented.slice(head.length, head.length + 16);
    const secret = presented.slice(head.length + 17);
    const wellFormed =
      ID.test(id) && presented[head.length + 16] === '_' && secret.length === SECRET_LENGTH && decodeBase64url(secret) !== undefined;
    return wellFormed ? { id, secret } : undefined;
  }
}
