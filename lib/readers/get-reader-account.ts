import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { entities, subscriberFollows, subscribers, type AlertFrequency, type EntityKind, type SubscriberStatus } from '@/db/schema';
import { entityPath } from '@/lib/entities/entity-path';

export type ReaderAccount = {
  email: string;
  status: SubscriberStatus;
  wantsIssueEmail: boolean;
  alertFrequency: AlertFrequency;
  isPaused: boolean;
  follows: { id: number; kind: EntityKind; name: string; path: string }[];
};

/** What /account shows a signed-in reader about their own subscription. */
export function getReaderAccount(subscriberId: number): ReaderAccount | null {
  const db = getDb();
  const subscriber = db.select().from(subscribers).where(eq(subscribers.id, subscriberId)).get();
  if (!subscriber) return null;
  const follows = db
    .select({ id: entities.id, kind: entities.kind, name: entities.name, slug: entities.slug })
    .from(subscriberFollows)
    .innerJoin(entities, eq(entities.id, subscriberFollows.entityId))
    .where(eq(subscriberFollows.subscriberId, subscriberId))
    .orderBy(asc(entities.name))
    .all();
  return {
    email: subscriber.email,
    status: subscriber.status,
    wantsIssueEmail: subscriber.wantsIssueEmail,
    alertFrequency: subscriber.alertFrequency,
    isPaused: subscriber.isPaused,
    follows: follows.map((entity) => ({ id: entity.id, kind: entity.kind, name: entity.name, path: entityPath(entity) })),
  };
}
