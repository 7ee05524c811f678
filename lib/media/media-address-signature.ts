import 'server-only';
import crypto from 'node:crypto';
import { readerTokenKey } from '@/lib/readers/reader-token-key';

const SIGNATURE_LENGTH = 22;

/** The unguessable part of an image's public addresses: a keyed hash of its id, so ids cannot be walked. */
export function mediaAddressSignature(mediaId: number): string {
  return crypto.createHmac('sha256', readerTokenKey('media-addresses')).update(`media:${mediaId}`).digest('base64url').slice(0, SIGNATURE_LENGTH);
}

export function isMediaAddressSignature({ mediaId, signature }: { mediaId: number; signature: string }): boolean {
  const expected = Buffer.from(mediaAddressSignature(mediaId));
  const given = Buffer.from(signature);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
