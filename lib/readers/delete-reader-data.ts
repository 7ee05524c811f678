import 'server-only';
import { eq, or } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { outbox, rateLimitHits, readerSignInTokens, subscribers } from '@/db/schema';

/**
 * Erases a reader: the subscription, follows, sign-in links, the messages addressed to them and the
 * rate-limit entries keyed by their address, in one transaction. Campaign totals keep their counts.
 */
export function deleteReaderData({ subscriberId }: { subscriberId: number }): boolean {
  return getDb().transaction(
    (tx) => {
      const subscriber = tx.select({ email: subscribers.email }).from(subscribers).where(eq(subscribers.id, subscriberId)).get();
      if (!subscriber) return false;
      tx.delete(outbox).where(or(eq(outbox.subscriberId, subscriberId), eq(outbox.toAddress, subscriber.email))).run();
      tx.delete(readerSignInTokens).where(eq(readerSignInTokens.identifier, subscriber.email)).run();
      tx.delete(rateLimitHits).where(eq(rateLimitHits.key, subscriber.email)).run();
      // subscriber_follows go with the row (ON DELETE CASCADE).
      tx.delete(subscribers).where(eq(subscribers.id, subscriberId)).run();
      return true;
    },
    { behavior: 'immediate' },
  );
}
