/**
 * How it works: books live in a Map keyed by a sequential id, in insertion order, which is also
 * id order, so a page is "the next `limit` ids after the cursor". A second Map indexes ISBNs for
 * the 409 check. Each write recomputes the book's ETag. Every write method takes the caller's
 * If-Match and checks it against the current ETag before changing anything.
 */
import { BookNotFoundError, IsbnConflictError, PreconditionFailedError } from '../errors.js';
import { etagOf, ifMatchPasses } from './etag.js';
import type { Book, BookInput, BookPatch } from './schemas.js';

/** A book and its current entity tag. */
export interface Versioned {
  book: Book;
  etag: string;
}

/** One page of a listing. */
export interface Page {
  items: Book[];
  next: string | null;
}

const encodeCursor = (id: number) => Buffer.from(String(id)).toString('base64url');
const decodeCursor = (cursor: string) => Number(Buffer.from(cursor, 'base64url').toString()) || 0;

/** The bookshelf's storage: in memory, one process. */
export class BookStore {
  readonly #books = new Map<number, Versioned>();
  readonly #byIsbn = new Map<string, number>();
  #nextId = 1;

  /** A book and its ETag, or undefined. */
  get(id: number): Versioned | undefined {
    return this.#books.get(id);
  }

  /** Up to `limit` books after `cursor`, in id order. */
  list(limit: number, cursor?: string): Page {
    const after = cursor === undefined ? 0 : decodeCursor(cursor);
    const items: Book[] = [];
    let more = false;
    for (const [id, { book }] of this.#books) {
      if (id <= after) continue;
      if (items.length === limit) {
        more = true;
        break;
      }
      items.push(book);
    }
    const last = items.at(-1);
    return { items, next: more && last ? encodeCursor(last.id) : null };
  }

  /** Adds a book; 409 when its ISBN is taken. */
  create(input: BookInput): Versioned {
    this.#checkIsbn(input.isbn, undefined);
    const book: Book = { id: this.#nextId++, ...input };
    return this.#save(book);
  }

  /** Replaces a book (PUT). */
  replace(id: number, input: BookInput, ifMatch: string | undefined): Versioned {
    this.#current(id, ifMatch);
    this.#checkIsbn(input.isbn, id);
    return this.#save({ id, ...input });
  }

  /** Applies a JSON Merge Patch (PATCH). */
  patch(id: number, patch: BookPatch, ifMatch: string | undefined): Versioned {
    const { book } = this.#current(id, ifMatch);
    if (patch.isbn !== undefined) this.#checkIsbn(patch.isbn, id);
    return this.#save({ ...book, ...patch, id });
  }

  /** Removes a book (DELETE). */
  delete(id: number, ifMatch: string | undefined): void {
    const { book } = this.#current(id, ifMatch);
    this.#books.delete(id);
    this.#byIsbn.delete(book.isbn);
  }

  #current(id: number, ifMatch: string | undefined): Versioned {
    const current = this.#books.get(id);
    if (!ifMatchPasses(ifMatch, current?.etag)) {
      throw new PreconditionFailedError(current ? `the book changed: its ETag is now ${current.etag}` : `no book with id ${id} to match`);
    }
    if (!current) throw new BookNotFoundError(id);
    return current;
  }

  #checkIsbn(isbn: string, self: number | undefined): void {
    const owner = this.#byIsbn.get(isbn);
    if (owner !== undefined && owner !== self) throw new IsbnConflictError(isbn, owner);
  }

  #save(book: Book): Versioned {
    const previous = this.#books.get(book.id);
    if (previous && previous.book.isbn !== book.isbn) this.#byIsbn.delete(previous.book.isbn);
    const versioned = { book, etag: etagOf(book) };
    this.#books.set(book.id, versioned);
    this.#byIsbn.set(book.isbn, book.id);
    return versioned;
  }
}
