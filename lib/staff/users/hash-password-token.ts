import 'server-only';
import { createHash } from 'node:crypto';

/** Only this digest of a set-password token is stored, so a copy of the database opens no account. */
export function hashPasswordToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
