import 'server-only';
import crypto from 'node:crypto';
import { readerTokenKey } from './reader-token-key';

/**
 * The token in every message's unsubscribe link: the subscriber id and its signature. It does not
 * expire (RFC 8058 links must keep working), and ids are never reused, so it names one reader only.
 */
export function signUnsubscribeToken(subscriberId: number): string {
  return `${subscriberId}.${signature(subscriberId)}`;
}

/** The subscriber id a token names, or null when it was not made by this site. */
export function readUnsubscribeToken(token: string): number | null {
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{22})$/.exec(token.trim());
  if (!match) return null;
  const subscriberId = Number(match[1]);
  const expected = Buffer.from(signature(subscriberId));
  const given = Buffer.from(match[2]!);
  return crypto.timingSafeEqual(expected, given) ? subscriberId : null;
}

function signature(subscriberId: number): string {
  return crypto.createHmac('sha256', readerTokenKey('unsubscribe')).update(`unsubscribe:${subscriberId}`).digest('base64url').slice(0, 22);
}
