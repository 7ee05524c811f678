import 'server-only';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { media } from '@/db/schema';
import { getConfig } from '@/lib/platform/config/get-config';
import { IMAGE_FORMATS, isImageFormat, type ImageFormat } from './image-format';
import { publicFileName } from './media-view';
import { parseMediaId } from './parse-media-id';

export type MediaFile = {
  mediaId: number;
  absolutePath: string;
  contentType: string;
  bytes: number;
  etag: string;
  /** The upload as it came, camera metadata included: for staff only. */
  isOriginal: boolean;
};

/**
 * The stored file behind a media address. Only names recorded for that image are served; the
 * requested name is compared, never joined onto a path, so `../` and unknown names find nothing.
 */
export function resolveMediaFile({ id, fileName }: { id: string; fileName: string }): MediaFile | null {
  const mediaId = parseMediaId(id);
  if (mediaId === null) return null;
  const row = getDb().select().from(media).where(eq(media.id, mediaId)).get();
  if (!row) return null;
  const originalFormat = formatOfMimeType(row.mimeType);
  const files = [
    ...(originalFormat ? [{ path: row.originalPath, format: originalFormat, bytes: row.bytes, isOriginal: true }] : []),
    ...row.variants.map((variant) => ({ ...variant, isOriginal: false })),
  ];
  const file = files.find((candidate) => publicFileName(candidate.path) === fileName);
  if (!file) return null;
  const { mediaDir } = getConfig();
  const absolutePath = path.resolve(mediaDir, ...file.path.split('/'));
  if (!absolutePath.startsWith(mediaDir + path.sep)) return null;
  return {
    mediaId,
    absolutePath,
    contentType: IMAGE_FORMATS[file.format].contentType,
    bytes: file.bytes,
    // Stored files are never rewritten, so the folder's random key and the name identify the bytes.
    etag: `"${createHash('sha256').update(`${file.path}:${file.bytes}`).digest('base64url').slice(0, 27)}"`,
    isOriginal: file.isOriginal,
  };
}

function formatOfMimeType(mimeType: string): ImageFormat | null {
  const entry = Object.entries(IMAGE_FORMATS).find(([, format]) => format.contentType === mimeType);
  return entry && isImageFormat(entry[0]) ? entry[0] : null;
}
