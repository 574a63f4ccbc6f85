import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BookNotFoundError, IsbnConflictError, PreconditionFailedError } from '../errors.js';
import { etagOf, ifMatchPasses, ifNoneMatchHits, parseEntityTags } from './etag.js';
import type { Book, BookInput } from './schemas.js';
import { BookStore } from './store.js';

describe('entity tags', () => {
  it('parses lists, weak tags and *', () => {
    expect(parseEntityTags('"a", W/"b" ,"c"')).toEqual(['"a"', 'W/"b"', '"c"']);
    expect(parseEntityTags(' * ')).toBe('*');
  });

  it('If-Match is strong, If-None-Match is weak', () => {
    expect(ifMatchPasses('"x", "y"', '"y"')).toBe(true);
    expect(ifMatchPasses('W/"y"', '"y"')).toBe(false);
    expect(ifMatchPasses('*', undefined)).toBe(false);
    expect(ifMatchPasses(undefined, undefined)).toBe(true);
    expect(ifNoneMatchHits('W/"y"', '"y"')).toBe(true);
    expect(ifNoneMatchHits('"z"', '"y"')).toBe(false);
  });

  it('gives equal content equal tags', () => {
    expect(etagOf({ a: 1 })).toBe(etagOf({ a: 1 }));
    expect(etagOf({ a: 1 })).not.toBe(etagOf({ a: 2 }));
  });
});

describe('BookStore against a model (model-based)', () => {
  const isbn = fc.constantFrom('9780000000001', '9780000000002', '9780000000003', '9780000000004');
  const input = fc.record({ title: fc.constantFrom('A', 'B'), author: fc.constant('X'), year: fc.integer({ min: 1900, max: 2000 }), isbn });
  type Model = { books: Map<number, Book>; nextId: number };
  const outcome = (fn: () => unknown) => {
    try {
      fn();
      return 'ok';
    } catch (error) {
      if (error instanceof IsbnConflictError) return 409;
      if (error instanceof BookNotFoundError) return 404;
      if (error instanceof PreconditionFailedError) return 412;
      throw error;
    }
  };
  const taken = (m: Model, value: string, self?: number) => [...m.books.values()].some((b) => b.isbn === value && b.id !== self);

  it('creates, replaces, deletes and pages like a Map', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            input.map((i) => ({ op: 'create' as const, i })),
            fc.tuple(fc.integer({ min: 1, max: 6 }), input).map(([id, i]) => ({ op: 'replace' as const, id, i })),
            fc.integer({ min: 1, max: 6 }).map((id) => ({ op: 'delete' as const, id })),
            fc.tuple(fc.integer({ min: 1, max: 6 }), fc.boolean()).map(([id, stale]) => ({ op: 'guarded-delete' as const, id, stale })),
          ),
          { maxLength: 25 },
        ),
        fc.integer({ min: 1, max: 4 }),
        (ops, limit) => {
          const store = new BookStore();
          const model: Model = { books: new Map(), nextId: 1 };
          for (const step of ops) {
            if (step.op === 'create') {
              const expected = taken(model, step.i.isbn) ? 409 : 'ok';
              expect(outcome(() => store.create(step.i as BookInput))).toBe(expected);
              if (expected === 'ok') model.books.set(model.nextId, { id: model.nextId++, ...step.i });
            } else if (step.op === 'replace') {
              const expected = !model.books.has(step.id) ? 404 : taken(model, step.i.isbn, step.id) ? 409 : 'ok';
              expect(outcome(() => store.replace(step.id, step.i as BookInput, undefined))).toBe(expected);
              if (expected === 'ok') model.books.set(step.id, { id: step.id, ...step.i });
            } else if (step.op === 'delete') {
              const expected = model.books.has(step.id) ? 'ok' : 404;
              expect(outcome(() => store.delete(step.id, undefined))).toBe(expected);
              model.books.delete(step.id);
            } else {
              const current = store.get(step.id);
              const tag = step.stale ? '"stale"' : (current?.etag ?? '"none"');
              const expected = current && !step.stale ? 'ok' : 412;
              expect(outcome(() => store.delete(step.id, tag))).toBe(expected);
              if (expected === 'ok') model.books.delete(step.id);
            }
          }
          const all: Book[] = [];
          let cursor: string | undefined;
          do {
            const page = store.list(limit, cursor);
            expect(page.items.length).toBeLessThanOrEqual(limit);
            all.push(...page.items);
            cursor = page.next ?? undefined;
          } while (cursor !== undefined);
          expect(all).toEqual([...model.books.values()].sort((a, b) => a.id - b.id));
        },
      ),
    );
  });
});
