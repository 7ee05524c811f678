import { crc32 } from 'node:zlib';
import sharp from 'sharp';

export type TestImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'avif';

/** A solid-colour image made at test time, so no binary fixtures live in the repository. */
export async function makeImage({
  format,
  width,
  height,
  orientation,
  background = '#336699',
}: {
  format: TestImageFormat;
  width: number;
  height: number;
  /** EXIF Orientation tag to write (JPEG, WebP), e.g. 6 for "rotate 90° clockwise to display". */
  orientation?: number;
  background?: string;
}): Promise<Buffer> {
  let image = sharp({ create: { width, height, channels: 3, background } }).toFormat(format);
  if (orientation) image = image.withMetadata({ orientation });
  return image.toBuffer();
}

/**
 * A tiny PNG whose header declares `width` × `height` pixels: what a decompression bomb looks like
 * to anything that trusts the header, without spending seconds compressing a real one.
 */
export async function makeOversizedPngHeader({ width, height }: { width: number; height: number }): Promise<Buffer> {
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#ffffff' } }).png().toBuffer();
  const patched = Buffer.from(png);
  // Signature (8 bytes), then the IHDR chunk: length (4), type (4), width (4), height (4), … and a CRC over type and data.
  const ihdrType = 12;
  const ihdrDataLength = patched.readUInt32BE(8);
  patched.writeUInt32BE(width, 16);
  patched.writeUInt32BE(height, 20);
  patched.writeUInt32BE(crc32(patched.subarray(ihdrType, ihdrType + 4 + ihdrDataLength)), ihdrType + 4 + ihdrDataLength);
  return patched;
}
