import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { subscribers } from '@/db/schema';

/** Ends every session of a reader signed in until now: a JWT cannot be taken back, so the cut-off is kept. */
export function endReaderSessions({ subscriberId, now = Date.now() }: { subscriberId: number; now?: number }): void {
  getDb().update(subscribers).set({ sessionsValidAfter: now }).where(eq(subscribers.id, subscriberId)).run();
}

/** Whether a reader's session signed in at `signedInAt` (ms; 0 when the cookie predates the record) still counts. */
export function isReaderSessionCurrent({ subscriberId, signedInAt }: { subscriberId: number; signedInAt: number }): boolean {
  if (!Number.isSafeInteger(subscriberId) || subscriberId <= 0) return false;
  const subscriber = getDb().select({ sessionsValidAfter: subscribers.sessionsValidAfter }).from(subscribers).where(eq(subscribers.id, subscriberId)).get();
  if (!subscriber) return false;
  return subscriber.sessionsValidAfter === null || signedInAt > subscriber.sessionsValidAfter;
}
