import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { entities, subscriberFollows, subscribers } from '@/db/schema';
import { isApprovedEntity } from '@/lib/entities/is-approved-entity';
import { readChoicesToken } from './choices-token';
import { hashReaderToken } from './hash-reader-token';

export type ConfirmFailure = 'invalid' | 'expired' | 'ended';

export type ConfirmResult = { ok: true } | { ok: false; reason: ConfirmFailure; error: string };

/** What the confirmation page says for each way a link can fail. */
export const CONFIRM_FAILURE_MESSAGES: Record<ConfirmFailure, string> = {
  invalid: 'This link has been used already or is not complete. If you still want Masthead email, subscribe again and use the newest link.',
  expired: 'This link has expired. Subscribe again and we will send a new one.',
  ended: 'This subscription has ended since the link was sent. Subscribe again to receive Masthead email.',
};

const failure = (reason: ConfirmFailure): ConfirmResult => ({ ok: false, reason, error: CONFIRM_FAILURE_MESSAGES[reason] });

/** Follows a double opt-in link: the address becomes a confirmed subscriber and its token is spent. */
export function confirmSubscription({ token, now = new Date() }: { token: string; now?: Date }): ConfirmResult {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return failure('invalid');
  return getDb().transaction(
    (tx): ConfirmResult => {
      const subscriber = tx.select().from(subscribers).where(eq(subscribers.confirmTokenHash, hashReaderToken(token))).get();
      if (!subscriber || subscriber.status !== 'pending') return failure('invalid');
      if (!subscriber.confirmExpiresAt || subscriber.confirmExpiresAt < now) return failure('expired');
      tx.update(subscribers)
        .set({ status: 'confirmed', confirmedAt: now, unsubscribedAt: null, confirmTokenHash: null, confirmExpiresAt: null, bounceCount: 0, updatedAt: now })
        .where(eq(subscribers.id, subscriber.id))
        .run();
      return { ok: true };
    },
    { behavior: 'immediate' },
  );
}

/** Follows the link sent to an already-confirmed address: adds the follows and the issue email it carries. */
export function applyChoicesChange({ token, now = new Date() }: { token: string; now?: Date }): ConfirmResult {
  const change = readChoicesToken(token, now.getTime());
  if (!change) return failure('expired');
  return getDb().transaction(
    (tx): ConfirmResult => {
      const subscriber = tx.select().from(subscribers).where(and(eq(subscribers.id, change.subscriberId), eq(subscribers.status, 'confirmed'))).get();
      if (!subscriber) return failure('ended');
      const known = change.follow.length > 0 ? tx.select({ id: entities.id }).from(entities).where(and(inArray(entities.id, change.follow), isApprovedEntity())).all() : [];
      for (const entity of known) tx.insert(subscriberFollows).values({ subscriberId: subscriber.id, entityId: entity.id }).onConflictDoNothing().run();
      if (change.wantsIssueEmail) tx.update(subscribers).set({ wantsIssueEmail: true, updatedAt: now }).where(eq(subscribers.id, subscriber.id)).run();
      return { ok: true };
    },
    { behavior: 'immediate' },
  );
}
