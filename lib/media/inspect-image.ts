import 'server-only';
import type { Metadata } from 'sharp';
import type { ImageFormat } from './image-format';
import { MAX_INPUT_PIXELS, MAX_UPLOAD_BYTES } from './media-limits';
import { sniffImageType } from './sniff-image-type';
import { tooLargeMessage } from './too-large-message';

export type ImageInspection =
  | { ok: true; format: ImageFormat; width: number; height: number }
  | { ok: false; status: 400 | 413 | 415 | 422; error: string };

export const NOT_AN_IMAGE_MESSAGE = 'That file is not an image we can use: upload a JPEG, PNG, WebP, GIF or AVIF.';
export const SVG_REFUSED_MESSAGE =
  'SVG files are not accepted because they can carry scripts: export the drawing as a PNG and upload that.';
export const DAMAGED_IMAGE_MESSAGE =
  'That image could not be read; the file may be damaged or incomplete. Open it in an image editor, save a new copy and upload that.';

/**
 * Decides from the bytes alone (never the file name or declared type) whether an upload is an image
 * we accept, and its displayed size (after EXIF rotation). Reads the header only, decodes nothing.
 */
export async function inspectImage({
  bytes,
  maxBytes = MAX_UPLOAD_BYTES,
  maxPixels = MAX_INPUT_PIXELS,
}: {
  bytes: Buffer;
  maxBytes?: number;
  maxPixels?: number;
}): Promise<ImageInspection> {
  if (bytes.length === 0) return { ok: false, status: 400, error: 'That file is empty: choose the image again and upload it.' };
  if (bytes.length > maxBytes) return { ok: false, status: 413, error: tooLargeMessage({ bytes: bytes.length, maxBytes }) };
  // Only bytes that start like an accepted format reach libvips, whose other loaders (PDF, TIFF, SVG, …) we do not need.
  const sniffed = sniffImageType(bytes);
  if (sniffed === 'svg') return { ok: false, status: 415, error: SVG_REFUSED_MESSAGE };
  if (!sniffed) return { ok: false, status: 415, error: NOT_AN_IMAGE_MESSAGE };
  let metadata: Metadata;
  try {
    // Loaded on first use: libvips holds megabytes a process that never meets an image need not carry.
    const { default: sharp } = await import('sharp');
    // No pixel limit here: the header is read to name the dimensions in the refusal below.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return { ok: false, status: 422, error: DAMAGED_IMAGE_MESSAGE };
  }
  const format = formatOf(metadata);
  if (format !== sniffed) return { ok: false, status: 415, error: NOT_AN_IMAGE_MESSAGE };
  if (!(metadata.width > 0 && metadata.height > 0)) return { ok: false, status: 422, error: DAMAGED_IMAGE_MESSAGE };
  if (metadata.width * metadata.height > maxPixels) {
    return { ok: false, status: 422, error: tooManyPixelsMessage({ width: metadata.width, height: metadata.height, maxPixels }) };
  }
  return { ok: true, format, width: metadata.autoOrient.width, height: metadata.autoOrient.height };
}

function formatOf(metadata: Metadata): ImageFormat | null {
  switch (metadata.format) {
    case 'jpeg':
    case 'png':
    case 'webp':
    case 'gif':
      return metadata.format;
    case 'heif':
      return metadata.compression === 'av1' ? 'avif' : null;
    default:
      return null;
  }
}

function tooManyPixelsMessage({ width, height, maxPixels }: { width: number; height: number; maxPixels: number }): string {
  const count = new Intl.NumberFormat('en-GB');
  const megapixels = (pixels: number) => count.format(Math.round(pixels / 1_000_000));
  return `That image is ${count.format(width)} × ${count.format(height)} pixels (${megapixels(width * height)} megapixels), too large to process; the limit is ${megapixels(maxPixels)} megapixels. Resize it and upload it again.`;
}
