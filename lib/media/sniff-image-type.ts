import type { ImageFormat } from './image-format';

/**
 * What the first bytes of a file say it is: one of the accepted raster formats, `svg`, or null.
 * Only a first look; sharp's reading of the bytes has the last word.
 */
export function sniffImageType(bytes: Buffer): ImageFormat | 'svg' | null {
  if (startsWith({ bytes, signature: [0xff, 0xd8, 0xff] })) return 'jpeg';
  if (startsWith({ bytes, signature: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] })) return 'png';
  const head = bytes.subarray(0, 12).toString('latin1');
  if (head.startsWith('GIF87a') || head.startsWith('GIF89a')) return 'gif';
  if (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') return 'webp';
  if (isAvif(bytes)) return 'avif';
  if (looksLikeSvg(bytes)) return 'svg';
  return null;
}

function startsWith({ bytes, signature }: { bytes: Buffer; signature: number[] }): boolean {
  return bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);
}

// An ISO-BMFF file whose `ftyp` box lists the avif (still) or avis (sequence) brand; HEIC lists neither.
function isAvif(bytes: Buffer): boolean {
  if (bytes.length < 16 || bytes.toString('latin1', 4, 8) !== 'ftyp') return false;
  const boxSize = Math.min(bytes.readUInt32BE(0), bytes.length, 256);
  for (let offset = 8; offset + 4 <= boxSize; offset += 4) {
    if (offset === 12) continue; // the minor version, not a brand
    const brand = bytes.toString('latin1', offset, offset + 4);
    if (brand === 'avif' || brand === 'avis') return true;
  }
  return false;
}

function looksLikeSvg(bytes: Buffer): boolean {
  const text = bytes.subarray(0, 4096).toString('utf8').replace(/^\uFEFF/, '').trimStart().toLowerCase();
  return text.startsWith('<') && text.includes('<svg');
}
