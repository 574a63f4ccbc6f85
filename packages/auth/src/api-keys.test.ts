import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiKeyStore } from './api-keys.js';
import { ApiKeyExpiredError, ApiKeyInvalidError, ApiKeyRevokedError } from './errors.js';

function fixture() {
  let now = 1_000_000;
  const store = new ApiKeyStore({ prefix: 'bks', clock: () => now });
  return { store, advance: (ms: number) => (now += ms) };
}

describe('ApiKeyStore', () => {
  it('issues recognizable keys and verifies them', () => {
    const { store } = fixture();
    const { id, key } = store.issue({ subject: 'ci-bot', scopes: ['books:write'] });
    expect(key).toMatch(/^bks_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(store.verify(key)).toEqual({ id, subject: 'ci-bot', scopes: ['books:write'] });
  });

  it('stores a hash only: no record holds the key or its secret', () => {
    const { store } = fixture();
    const { key } = store.issue({ subject: 'ci-bot' });
    const stored = JSON.stringify(store.records());
    expect(stored).not.toContain(key);
    expect(stored).not.toContain(key.slice(-43));
    expect(store.records()[0]?.secretHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses wrong, truncated, foreign and unknown keys with one error', () => {
    const { store } = fixture();
    const { key } = store.issue({ subject: 'ci-bot' });
    const other = new ApiKeyStore({ prefix: 'bks' }).issue({ subject: 'x' }).key;
    const wrongSecret = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
    for (const bad of [wrongSecret, key.slice(0, -1), key.replace('bks_', 'sk_'), other, '', 'bks_']) {
      expect(() => store.verify(bad)).toThrow(ApiKeyInvalidError);
    }
  });

  it('revokes one key at once and leaves the others working', () => {
    const { store } = fixture();
    const first = store.issue({ subject: 'ci-bot' });
    const second = store.issue({ subject: 'ci-bot' });
    store.revoke(first.id);
    expect(() => store.verify(first.key)).toThrow(ApiKeyRevokedError);
    expect(store.verify(second.key).id).toBe(second.id);
  });

  it('rotates with a grace period during which both keys work', () => {
    const { store, advance } = fixture();
    const old = store.issue({ subject: 'ci-bot', scopes: ['books:write'] });
    const next = store.rotate(old.id, { graceMs: 60_000 });
    expect(store.verify(old.key).subject).toBe('ci-bot');
    expect(store.verify(next.key).scopes).toEqual(['books:write']);
    advance(60_000);
    expect(() => store.verify(old.key)).toThrow(ApiKeyExpiredError);
    expect(store.verify(next.key).id).toBe(next.id);
  });

  it('expires keys issued with a ttl and refuses bad prefixes', () => {
    const { store, advance } = fixture();
    const { key } = store.issue({ subject: 'temp', ttlMs: 10 });
    advance(10);
    expect(() => store.verify(key)).toThrow(ApiKeyExpiredError);
    expect(() => new ApiKeyStore({ prefix: 'Bad_' })).toThrow(TypeError);
  });

  it('behaves like a model of live, revoked and expired keys (model-based)', () => {
    type Model = { keys: { id: string; key: string; state: 'live' | 'revoked'; expiresAt?: number }[]; now: number };
    type Real = ReturnType<typeof fixture>;
    const status = (m: Model, k: Model['keys'][number]) =>
      k.state === 'revoked' ? 'revoked' : k.expiresAt !== undefined && m.now >= k.expiresAt ? 'expired' : 'live';
    const verifyAll = (m: Model, r: Real) => {
      for (const k of m.keys) {
        const expected = status(m, k);
        const got = (() => {
          try {
            r.store.verify(k.key);
            return 'live';
          } catch (error) {
            return error instanceof ApiKeyRevokedError ? 'revoked' : error instanceof ApiKeyExpiredError ? 'expired' : 'invalid';
          }
        })();
        expect(got).toBe(expected);
      }
    };
    const issue = fc.constant(null).map(() => ({
      check: () => true,
      run(m: Model, r: Real) {
        const { id, key } = r.store.issue({ subject: 's' });
        m.keys.push({ id, key, state: 'live' });
        verifyAll(m, r);
      },
      toString: () => 'issue',
    }));
    const revoke = fc.nat().map((i) => ({
      check: (m: Readonly<Model>) => m.keys.some((k) => status(m as Model, k) === 'live'),
      run(m: Model, r: Real) {
        const live = m.keys.filter((k) => status(m, k) === 'live');
        const k = live[i % live.length]!;
        r.store.revoke(k.id);
        k.state = 'revoked';
        verifyAll(m, r);
      },
      toString: () => `revoke(${i})`,
    }));
    const rotate = fc.tuple(fc.nat(), fc.integer({ min: 1, max: 100 })).map(([i, grace]) => ({
      check: (m: Readonly<Model>) => m.keys.some((k) => status(m as Model, k) === 'live'),
      run(m: Model, r: Real) {
        const live = m.keys.filter((k) => status(m, k) === 'live');
        const k = live[i % live.length]!;
        const next = r.store.rotate(k.id, { graceMs: grace });
        k.expiresAt = Math.min(k.expiresAt ?? Infinity, m.now + grace);
        m.keys.push({ id: next.id, key: next.key, state: 'live' });
        verifyAll(m, r);
      },
      toString: () => `rotate(${i}, ${grace})`,
    }));
    const wait = fc.integer({ min: 1, max: 60 }).map((ms) => ({
      check: () => true,
      run(m: Model, r: Real) {
        m.now += ms;
        r.advance(ms);
        verifyAll(m, r);
      },
      toString: () => `wait(${ms})`,
    }));
    fc.assert(
      fc.property(fc.commands([issue, revoke, rotate, wait], { maxCommands: 30 }), (commands) => {
        fc.modelRun(() => ({ model: { keys: [], now: 1_000_000 }, real: fixture() }), commands);
      }),
      { numRuns: 60 },
    );
  });
});
