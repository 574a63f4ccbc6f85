import * as crypto from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { formatBasicAuthorization } from '../basic.js';
import { InvalidCredentialsError } from '../errors.js';
import { hashPassword } from '../password.js';
import { basicAuthenticator } from './authenticators.js';

// Wrap the two primitives a password check is made of, to count how often each runs.
vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:crypto')>();
  return { ...original, scrypt: vi.fn(original.scrypt), timingSafeEqual: vi.fn(original.timingSafeEqual) };
});

const FAST = { log2N: 10, r: 8, p: 1 };

describe('Basic authentication takes the same path for right and wrong passwords', () => {
  let users: Map<string, { passwordHash: string }>;
  beforeAll(async () => {
    users = new Map([['ada', { passwordHash: await hashPassword('right password', FAST) }]]);
  });

  async function pathOf(username: string, password: string) {
    const authenticator = basicAuthenticator((name) => users.get(name), FAST);
    vi.mocked(crypto.scrypt).mockClear();
    vi.mocked(crypto.timingSafeEqual).mockClear();
    const outcome = await Promise.resolve(authenticator.authenticate(formatBasicAuthorization(username, password))).then(
      (principal) => principal.subject,
      (error: unknown) => (error instanceof InvalidCredentialsError ? error.code : 'other'),
    );
    const scryptCalls = vi.mocked(crypto.scrypt).mock.calls.map((call) => JSON.stringify(call[3]));
    const compares = vi.mocked(crypto.timingSafeEqual).mock.calls.map((call) => [call[0].byteLength, call[1].byteLength]);
    return { outcome, scryptCalls, compares };
  }

  it('one scrypt with the same parameters and one constant-time compare of 32 bytes, whatever the outcome', async () => {
    const right = await pathOf('ada', 'right password');
    const wrong = await pathOf('ada', 'wrong password');
    const unknown = await pathOf('mallory', 'right password');
    expect(right.outcome).toBe('ada');
    expect(wrong.outcome).toBe('ERR_INVALID_CREDENTIALS');
    expect(unknown.outcome).toBe('ERR_INVALID_CREDENTIALS');
    for (const path of [right, wrong, unknown]) {
      expect(path.scryptCalls).toEqual(right.scryptCalls);
      expect(path.compares).toEqual([[32, 32]]);
    }
    expect(right.scryptCalls).toHaveLength(1);
  });
});
