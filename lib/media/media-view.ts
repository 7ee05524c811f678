import type { Media } from '@/db/schema';
import { mediaAddressSignature } from './media-address-signature';

/** An image as the desk and the editor use it; `url` and `srcset` go straight into a figure. */
export type MediaView = {
  id: number;
  /** For `src`: the largest resized copy as JPEG or PNG (WebP when the upload was WebP), never the original. */
  url: string;
  /** Of the image as displayed, i.e. after EXIF rotation. */
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  /** The WebP copies, e.g. "/api/media/7-<signature>/w480.webp 480w, /api/media/7-<signature>/w960.webp 960w". */
  srcset: string;
  originalName: string;
  createdAt: string;
};

export function toMediaView(row: Media): MediaView {
  const byWidth = [...row.variants].sort((left, right) => left.width - right.width);
  const webp = byWidth.filter((variant) => variant.format === 'webp');
  const fallback = byWidth.filter((variant) => variant.format !== 'webp').at(-1) ?? webp.at(-1);
  return {
    id: row.id,
    // The original keeps its metadata (camera, sometimes GPS), so it is the last resort for `src`.
    url: fallback ? mediaFileUrl({ id: row.id, storedPath: fallback.path }) : mediaFileUrl({ id: row.id, storedPath: row.originalPath }),
    width: row.width,
    height: row.height,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    srcset: webp.map((variant) => `${mediaFileUrl({ id: row.id, storedPath: variant.path })} ${variant.width}w`).join(', '),
    originalName: row.originalName,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * The one address of a stored file, for pages, feeds, mail and the desk alike: its name inside the
 * upload's folder, under the media id and that id's signature. Who may fetch it is decided when it is asked for.
 */
export function mediaFileUrl({ id, storedPath }: { id: number; storedPath: string }): string {
  return `/api/media/${id}-${mediaAddressSignature(id)}/${publicFileName(storedPath)}`;
}

export function publicFileName(storedPath: string): string {
  return storedPath.slice(storedPath.lastIndexOf('/') + 1);
}
