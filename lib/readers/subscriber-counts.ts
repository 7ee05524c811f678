import 'server-only';
import { and, isNotNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { subscribers } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';

export type SubscriberCountPoint = { day: string; subscribed: number };

/**
 * Confirmed subscribers at the end of each of the last `days` days (UTC), from the confirmation and
 * unsubscription times; an address that bounced counts until its last change. For the desk ('mail.view').
 */
export function subscriberCountsOverTime({ actor, days = 30, now = new Date() }: { actor: StaffIdentity; days?: number; now?: Date }): SubscriberCountPoint[] {
  assertCan({ role: actor.role, action: 'mail.view' });
  const dayMs = 24 * 60 * 60 * 1000;
  const first = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (days - 1) * dayMs;
  const endedAt = sql<number | null>`case ${subscribers.status} when 'unsubscribed' then ${subscribers.unsubscribedAt} when 'bounced' then ${subscribers.updatedAt} else null end`;
  // Only who could count on some day of the window: confirmed by its end, and not gone before it began.
  const spans = getDb()
    .select({ confirmedAt: sql<number>`${subscribers.confirmedAt}`, endedAt })
    .from(subscribers)
    .where(and(isNotNull(subscribers.confirmedAt), sql`coalesce(${endedAt}, ${Number.MAX_SAFE_INTEGER}) >= ${first}`))
    .all();
  return Array.from({ length: days }, (_, index) => {
    const end = first + (index + 1) * dayMs;
    const subscribed = spans.filter((span) => span.confirmedAt < end && (span.endedAt === null || span.endedAt >= end)).length;
    return { day: new Date(end - dayMs).toISOString().slice(0, 10), subscribed };
  });
}
