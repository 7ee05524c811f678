import { getDb } from '@/db/client';
import { subscriberFollows, subscribers, type AlertFrequency, type SubscriberStatus } from '@/db/schema';

let sequence = 0;

/** A subscriber written straight to the database (confirmed unless told otherwise), with its follows. */
export function createTestSubscriber({
  email,
  name = '',
  status = 'confirmed' as SubscriberStatus,
  wantsIssueEmail = true,
  alertFrequency = 'instant' as AlertFrequency,
  isPaused = false,
  follows = [] as number[],
  confirmedAt = new Date('2025-01-01T00:00:00Z'),
}: {
  email?: string;
  name?: string;
  status?: SubscriberStatus;
  wantsIssueEmail?: boolean;
  alertFrequency?: AlertFrequency;
  isPaused?: boolean;
  follows?: number[];
  confirmedAt?: Date | null;
} = {}): { id: number; email: string } {
  sequence += 1;
  const db = getDb();
  const row = db
    .insert(subscribers)
    .values({
      email: email ?? `reader${sequence}@example.org`,
      name,
      status,
      wantsIssueEmail,
      alertFrequency,
      isPaused,
      confirmedAt: status === 'confirmed' ? confirmedAt : null,
    })
    .returning({ id: subscribers.id, email: subscribers.email })
    .get();
  for (const entityId of follows) db.insert(subscriberFollows).values({ subscriberId: row.id, entityId }).run();
  return row;
}

/** Many confirmed issue-email subscribers at once, in one transaction (for large campaigns). */
export function createManyTestSubscribers({ count, domain = 'bulk.example.org' }: { count: number; domain?: string }): void {
  const db = getDb();
  db.transaction((tx) => {
    for (let start = 0; start < count; start += 500) {
      const rows = Array.from({ length: Math.min(500, count - start) }, (_, offset) => ({
        email: `reader${start + offset + 1}@${domain}`,
        status: 'confirmed' as const,
        wantsIssueEmail: true,
        confirmedAt: new Date('2025-01-01T00:00:00Z'),
      }));
      tx.insert(subscribers).values(rows).run();
    }
  });
}
