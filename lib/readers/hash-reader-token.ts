import crypto from 'node:crypto';

/** Tokens that unlock something are kept only as their SHA-256 (hex). */
export function hashReaderToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
