import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { invalidType } from '../internal/validate.js';

/**
 * Locates a task module: an absolute path, a `file:` URL string, or a `URL`. Relative paths are
 * refused because "relative to what" differs between a script, vitest and a tslab kernel; build
 * one with `new URL('./tasks.mjs', import.meta.url)` or `path.resolve(...)`.
 */
export function moduleUrl(filename: string | URL): string {
  if (filename instanceof URL) {
    if (filename.protocol !== 'file:') throw invalidType('filename', 'a file: URL', filename.href);
    return filename.href;
  }
  if (typeof filename === 'string') {
    if (filename.startsWith('file:')) return new URL(filename).href;
    if (isAbsolute(filename)) return pathToFileURL(filename).href;
  }
  throw invalidType('filename', 'an absolute path or a file: URL', filename);
}
