/**
 * How it works: an entity tag names one version of a representation (RFC 9110 §8.8.3). Here it
 * is a hash of the book's JSON, so equal content gives equal tags on every server.
 *
 *   If-Match: "a", "b"      write only if the current tag is one of these (strong comparison)
 *   If-Match: *             write only if the book exists
 *   If-None-Match: "a"      on GET: 304 Not Modified if the tag still matches (weak comparison)
 *
 * A client reads (GET, remembers ETag), then writes with If-Match. If someone else wrote in
 * between, the tag moved and the write gets 412 instead of silently overwriting: optimistic
 * concurrency, with no locks held between requests.
 */
import { createHash } from 'node:crypto';

/** The strong ETag of a JSON value. */
export function etagOf(value: unknown): string {
  return `"${createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22)}"`;
}

/** The entity tags of an If-Match or If-None-Match field, or `'*'`. */
export function parseEntityTags(field: string): '*' | string[] {
  if (field.trim() === '*') return '*';
  return field.match(/(?:W\/)?"[^"]*"/g) ?? [];
}

/** RFC 9110 §13.1.1: If-Match compares strongly, so a weak tag never matches. */
export function ifMatchPasses(field: string | undefined, current: string | undefined): boolean {
  if (field === undefined) return true;
  const tags = parseEntityTags(field);
  if (current === undefined) return false;
  return tags === '*' || tags.some((tag) => !tag.startsWith('W/') && tag === current);
}

/** RFC 9110 §13.1.2: If-None-Match compares weakly. True means "send 304". */
export function ifNoneMatchHits(field: string | undefined, current: string): boolean {
  if (field === undefined) return false;
  const tags = parseEntityTags(field);
  const opaque = (tag: string) => tag.replace(/^W\//, '');
  return tags === '*' || tags.some((tag) => opaque(tag) === opaque(current));
}
