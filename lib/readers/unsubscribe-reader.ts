import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { subscribers } from '@/db/schema';
import { readUnsubscribeToken } from './unsubscribe-token';

export type UnsubscribeResult = { ok: true } | { ok: false; error: string };

/** Stops all mail to a reader. Safe to repeat; queued messages to them are dropped at delivery. */
export function unsubscribeReader({ subscriberId, now = new Date() }: { subscriberId: number; now?: Date }): void {
  getDb()
    .update(subscribers)
    .set({ status: 'unsubscribed', unsubscribedAt: now, confirmTokenHash: null, confirmExpiresAt: null, updatedAt: now })
    .where(and(eq(subscribers.id, subscriberId), inArray(subscribers.status, ['pending', 'confirmed'])))
    .run();
}

/**
 * The one-click unsubscribe (RFC 8058) and the button on its page: the signed token is the only
 * credential. A deleted subscriber, or subscriber 0 of a staff test send, answers the same success.
 */
export function unsubscribeWithToken({ token, now = new Date() }: { token: string; now?: Date }): UnsubscribeResult {
  const subscriberId = readUnsubscribeToken(token);
  if (subscriberId === null) return { ok: false, error: 'This unsubscribe link is not complete. Use the link from the newest email, or sign in to your account.' };
  if (subscriberId > 0) unsubscribeReader({ subscriberId, now });
  return { ok: true };
}

/** A signed-in reader (their address proven by the link they used) asks for mail again. */
export function resubscribeReader({ subscriberId, now = new Date() }: { subscriberId: number; now?: Date }): void {
  getDb()
    .update(subscribers)
    .set({ status: 'confirmed', confirmedAt: now, unsubscribedAt: null, bounceCount: 0, confirmTokenHash: null, confirmExpiresAt: null, updatedAt: now })
    .where(eq(subscribers.id, subscriberId))
    .run();
}
