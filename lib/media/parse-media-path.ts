import { parseMediaId } from './parse-media-id';

export type MediaAddressSegment = { mediaId: number; signature: string | null };

// `7` (the old sequential form) or `7-<signature>`.
const SEGMENT = /^([1-9][0-9]{0,15})(?:-([A-Za-z0-9_-]{1,64}))?$/;
const PATH = /^\/api\/media\/([^/?#]+)\/([^/?#]+)$/;

/** The id and signature in the first segment of a media address, or null when it names no image. */
export function parseMediaSegment(segment: string): MediaAddressSegment | null {
  const match = SEGMENT.exec(segment);
  if (!match) return null;
  const mediaId = parseMediaId(match[1]!);
  return mediaId === null ? null : { mediaId, signature: match[2] ?? null };
}

/** The image and file a site-relative media address (`/api/media/7-…/w960.webp`) names, or null for any other address. */
export function parseMediaPath(src: string): (MediaAddressSegment & { fileName: string }) | null {
  const match = PATH.exec(src);
  if (!match) return null;
  const segment = parseMediaSegment(match[1]!);
  return segment ? { ...segment, fileName: match[2]! } : null;
}
