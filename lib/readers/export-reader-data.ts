import 'server-only';
import { asc, eq, or } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { entities, outbox, subscriberFollows, subscribers } from '@/db/schema';
import { getConfig } from '@/lib/platform/config/get-config';
import { entityPath } from '@/lib/entities/entity-path';

export type ReaderDataExport = {
  exportedAt: string;
  subscription: {
    email: string;
    status: string;
    wantsIssueEmail: boolean;
    alertFrequency: string;
    isPaused: boolean;
    subscribedAt: string;
    confirmedAt: string | null;
    unsubscribedAt: string | null;
    bounceCount: number;
  };
  follows: { name: string; kind: string; url: string; since: string }[];
  messages: { subject: string; kind: string; status: string; queuedAt: string; sentAt: string | null }[];
};

/** Everything Masthead holds about one reader, as they may download it from /account. */
export function exportReaderData({ subscriberId, now = new Date() }: { subscriberId: number; now?: Date }): ReaderDataExport | null {
  const db = getDb();
  const subscriber = db.select().from(subscribers).where(eq(subscribers.id, subscriberId)).get();
  if (!subscriber) return null;
  const { siteUrl } = getConfig();
  const follows = db
    .select({ name: entities.name, kind: entities.kind, slug: entities.slug, since: subscriberFollows.createdAt })
    .from(subscriberFollows)
    .innerJoin(entities, eq(entities.id, subscriberFollows.entityId))
    .where(eq(subscriberFollows.subscriberId, subscriberId))
    .orderBy(asc(entities.name))
    .all();
  const messages = db
    .select({ subject: outbox.subject, kind: outbox.kind, status: outbox.status, createdAt: outbox.createdAt, sentAt: outbox.sentAt })
    .from(outbox)
    .where(or(eq(outbox.subscriberId, subscriberId), eq(outbox.toAddress, subscriber.email)))
    .orderBy(asc(outbox.id))
    .all();
  return {
    exportedAt: now.toISOString(),
    subscription: {
      email: subscriber.email,
      status: subscriber.status,
      wantsIssueEmail: subscriber.wantsIssueEmail,
      alertFrequency: subscriber.alertFrequency,
      isPaused: subscriber.isPaused,
      subscribedAt: subscriber.createdAt.toISOString(),
      confirmedAt: subscriber.confirmedAt?.toISOString() ?? null,
      unsubscribedAt: subscriber.unsubscribedAt?.toISOString() ?? null,
      bounceCount: subscriber.bounceCount,
    },
    follows: follows.map((follow) => ({ name: follow.name, kind: follow.kind, url: `${siteUrl}${entityPath(follow)}`, since: follow.since.toISOString() })),
    messages: messages.map((message) => ({
      subject: message.subject,
      kind: message.kind,
      status: message.status,
      queuedAt: message.createdAt.toISOString(),
      sentAt: message.sentAt?.toISOString() ?? null,
    })),
  };
}
