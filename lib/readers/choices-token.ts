import 'server-only';
import crypto from 'node:crypto';
import { z } from 'zod';
import { readerTokenKey } from './reader-token-key';

export type ChoicesChange = { subscriberId: number; follow: number[]; wantsIssueEmail: boolean; expiresAt: number };

const payloadSchema = z.object({
  s: z.number().int().positive(),
  f: z.array(z.number().int().positive()).max(50),
  i: z.boolean(),
  x: z.number().int(),
});

/** A signed, expiring link token carrying additions an already-subscribed reader asked for. */
export function signChoicesToken(change: ChoicesChange): string {
  const payload = Buffer.from(JSON.stringify({ s: change.subscriberId, f: change.follow, i: change.wantsIssueEmail, x: change.expiresAt })).toString('base64url');
  return `${payload}.${signature(payload)}`;
}

/** The change a token carries, or null when it is forged, damaged or expired. */
export function readChoicesToken(token: string, now = Date.now()): ChoicesChange | null {
  const [payload, given, extra] = token.trim().split('.');
  if (!payload || !given || extra !== undefined || payload.length > 2000) return null;
  const expected = Buffer.from(signature(payload));
  if (expected.length !== Buffer.byteLength(given) || !crypto.timingSafeEqual(expected, Buffer.from(given))) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = payloadSchema.safeParse(decoded);
  if (!parsed.success || parsed.data.x < now) return null;
  return { subscriberId: parsed.data.s, follow: parsed.data.f, wantsIssueEmail: parsed.data.i, expiresAt: parsed.data.x };
}

function signature(payload: string): string {
  return crypto.createHmac('sha256', readerTokenKey('choices')).update(payload).digest('base64url');
}
