import 'server-only';
import { and, eq, notExists } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns, outbox } from '@/db/schema';

/** A fully expanded campaign with nothing left waiting in the outbox is done. */
export function finishCampaigns({ now = new Date() }: { now?: Date } = {}): number {
  const db = getDb();
  return db
    .update(campaigns)
    .set({ status: 'done', finishedAt: now })
    .where(
      and(
        eq(campaigns.status, 'sending'),
        notExists(db.select({ id: outbox.id }).from(outbox).where(and(eq(outbox.campaignId, campaigns.id), eq(outbox.status, 'pending')))),
      ),
    )
    .run().changes;
}
