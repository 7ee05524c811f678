import 'server-only';
import type { default as SharpConstructor, Sharp } from 'sharp';
import type { ImageFormat } from './image-format';
import { MAX_INPUT_PIXELS, VARIANT_WIDTHS } from './media-limits';

export type RenderedVariant = { width: number; height: number; format: ImageFormat; fileName: string; data: Buffer };

// Each width is made as WebP (for srcset) and in a format every browser shows (for src).
const FALLBACK_FORMAT: Record<ImageFormat, ImageFormat | null> = {
  jpeg: 'jpeg',
  png: 'png',
  webp: null,
  gif: 'png',
  avif: 'jpeg',
};

/**
 * The resized copies of an accepted image, in memory: upright (EXIF rotation applied), without
 * metadata, at each standard width narrower than the image (or one copy at its own width).
 * Throws when the image turns out to be damaged.
 */
export async function renderVariants({
  bytes,
  format,
  width,
}: {
  bytes: Buffer;
  format: ImageFormat;
  width: number;
}): Promise<RenderedVariant[]> {
  const narrower = VARIANT_WIDTHS.filter((candidate) => candidate < width);
  const widths = narrower.length > 0 ? narrower : [width];
  const fallback = FALLBACK_FORMAT[format];
  const outputs: ImageFormat[] = fallback ? ['webp', fallback] : ['webp'];
  const rendered: RenderedVariant[] = [];
  // Loaded on first use, as in inspectImage: a process that never resizes an image need not carry libvips.
  const { default: sharp } = await import('sharp');
  // One at a time: a 50-megapixel image decodes to about 200 MB, and uploads are rare.
  for (const targetWidth of widths) {
    for (const output of outputs) rendered.push(await renderVariant({ sharp, bytes, width: targetWidth, output }));
  }
  return rendered;
}

async function renderVariant({ sharp, bytes, width, output }: { sharp: typeof SharpConstructor; bytes: Buffer; width: number; output: ImageFormat }): Promise<RenderedVariant> {
  const pipeline = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'warning' })
    .rotate()
    .resize({ width, withoutEnlargement: true });
  const encoded = encode({ pipeline, output });
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, format: output, fileName: `w${info.width}.${output}`, data };
}

function encode({ pipeline, output }: { pipeline: Sharp; output: ImageFormat }): Sharp {
  switch (output) {
    case 'webp':
      return pipeline.webp({ quality: 80 });
    case 'jpeg':
      return pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 82, progressive: true });
    case 'png':
      return pipeline.png();
    case 'avif':
      return pipeline.avif({ quality: 60 });
    case 'gif':
      return pipeline.gif();
  }
}
