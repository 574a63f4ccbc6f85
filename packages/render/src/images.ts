/**
 * Turning image data from a notebook into `data:` URIs.
 *
 * Raster images arrive base64-encoded (possibly split into lines); we strip whitespace and refuse
 * anything that is not base64, so the URI cannot break out of its attribute even before escaping.
 * SVG arrives as text and is base64-encoded here; shown through `<img>`, its scripts never run and
 * its ids cannot clash with the page's.
 */
import type { MimeBundle } from '@scalable-ts/notebook';
import { mimeText } from './mime-text.js';

/** Image MIME types stored base64-encoded in notebooks. */
const BASE64_IMAGES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** Image MIME types an attachment may use, in order of preference. */
const ATTACHMENT_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml'] as const;

/**
 * `data:` URI for one image MIME type, or `undefined` if the data is not usable.
 *
 * @example
 * ```ts
 * imageDataUri('image/png', 'iVBORw0KGgo=\n'); // 'data:image/png;base64,iVBORw0KGgo='
 * ```
 */
export function imageDataUri(mime: string, data: unknown): string | undefined {
  const text = mimeText(data);
  if (mime === 'image/svg+xml') {
    return text ? `data:image/svg+xml;base64,${Buffer.from(text, 'utf8').toString('base64')}` : undefined;
  }
  if (!BASE64_IMAGES.has(mime)) return undefined;
  const base64 = text.replace(/\s+/g, '');
  if (!base64 || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return undefined;
  return `data:${mime};base64,${base64}`;
}

/**
 * `data:` URI for a markdown attachment (`![alt](attachment:name.png)`), if the cell has it.
 */
export function attachmentDataUri(
  attachments: Readonly<Record<string, MimeBundle>> | undefined,
  name: string,
): string | undefined {
  const bundle = attachments && Object.hasOwn(attachments, name) ? attachments[name] : undefined;
  if (!bundle) return undefined;
  for (const mime of ATTACHMENT_TYPES) {
    if (Object.hasOwn(bundle, mime)) {
      const uri = imageDataUri(mime, bundle[mime]);
      if (uri) return uri;
    }
  }
  return undefined;
}
