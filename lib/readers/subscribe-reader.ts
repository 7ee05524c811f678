import 'server-only';
import crypto from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { entities, subscriberFollows, subscribers } from '@/db/schema';
import { getConfig } from '@/lib/platform/config/get-config';
import { isApprovedEntity } from '@/lib/entities/is-approved-entity';
import { choicesChangeMail } from '@/lib/readers/mail/choices-change-mail';
import { confirmationMail } from '@/lib/readers/mail/confirmation-mail';
import { enqueueMail } from '@/lib/readers/mail/enqueue-mail';
import { signChoicesToken } from './choices-token';
import { fieldErrors } from './field-errors';
import { hashReaderToken } from './hash-reader-token';
import { hitRateLimits, READER_RATE_LIMITS } from './hit-rate-limit';
import { subscribeInputSchema } from './subscribe-input-schema';

export const CONFIRM_LINK_HOURS = 48;

export type SubscribeResult =
  | { ok: true; message: string }
  | { ok: false; reason: 'invalid'; error: string; fieldErrors: Record<string, string> }
  | { ok: false; reason: 'rate_limited'; error: string };

/** The one answer every accepted request gets, whatever the address's history. */
export const SUBSCRIBE_ACCEPTED_MESSAGE =
  'Thank you. Check your inbox: we have sent a message with a link to confirm. Nothing else is sent until you follow it.';

/**
 * Double opt-in. A new, pending, unsubscribed or bounced address gets a fresh confirmation link (asking
 * again resends); a confirmed one gets a link that adds what was asked for. The answer is the same
 * either way, so the form never tells whether an address is subscribed.
 */
export function subscribeReader({ input, ip, now = new Date() }: { input: unknown; ip: string; now?: Date }): SubscribeResult {
  const parsed = subscribeInputSchema.safeParse(input);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    return { ok: false, reason: 'invalid', error: Object.values(errors)[0] ?? 'That request was not understood.', fieldErrors: errors };
  }
  const request = parsed.data;
  const isAllowed = hitRateLimits({
    hits: [
      { limit: READER_RATE_LIMITS.subscribeByIp, key: ip },
      { limit: READER_RATE_LIMITS.subscribeByAddress, key: request.email },
    ],
    now: now.getTime(),
  });
  if (!isAllowed) return { ok: false, reason: 'rate_limited', error: 'Too many requests to subscribe from here or for this address. Please try again in an hour.' };

  const { siteUrl } = getConfig();
  getDb().transaction(
    (tx) => {
      const known = request.follow.length > 0 ? tx.select({ id: entities.id, name: entities.name }).from(entities).where(and(inArray(entities.id, request.follow), isApprovedEntity())).all() : [];
      const existing = tx.select().from(subscribers).where(eq(subscribers.email, request.email)).get();

      if (existing?.status === 'confirmed') {
        const token = signChoicesToken({
          subscriberId: existing.id,
          follow: known.map((entity) => entity.id),
          wantsIssueEmail: request.wantsIssueEmail,
          expiresAt: now.getTime() + CONFIRM_LINK_HOURS * 60 * 60 * 1000,
        });
        const additions = [...(request.wantsIssueEmail ? ['the issue email'] : []), ...known.map((entity) => `alerts about ${entity.name}`)];
        const mail = choicesChangeMail({ subscriberId: existing.id, applyUrl: `${siteUrl}/subscribe/confirm?change=${token}`, additions });
        enqueueMail({ ...mail, dedupeKey: `subscribe-change:${existing.id}:${crypto.randomUUID()}`, kind: 'reader.change', to: existing.email, subscriberId: existing.id }, tx);
        return;
      }

      const token = crypto.randomBytes(32).toString('base64url');
      const pending = {
        status: 'pending' as const,
        wantsIssueEmail: request.wantsIssueEmail,
        alertFrequency: request.alertFrequency,
        confirmTokenHash: hashReaderToken(token),
        confirmExpiresAt: new Date(now.getTime() + CONFIRM_LINK_HOURS * 60 * 60 * 1000),
        updatedAt: now,
      };
      const subscriberId = existing
        ? (tx.update(subscribers).set(pending).where(eq(subscribers.id, existing.id)).run(), existing.id)
        : tx.insert(subscribers).values({ email: request.email, ...pending }).returning({ id: subscribers.id }).get().id;
      for (const entity of known) tx.insert(subscriberFollows).values({ subscriberId, entityId: entity.id }).onConflictDoNothing().run();
      const mail = confirmationMail({ subscriberId, confirmUrl: `${siteUrl}/subscribe/confirm?token=${token}`, expiresInHours: CONFIRM_LINK_HOURS });
      enqueueMail({ ...mail, dedupeKey: `subscribe-confirm:${subscriberId}:${pending.confirmTokenHash.slice(0, 16)}`, kind: 'reader.confirm', to: request.email, subscriberId }, tx);
    },
    { behavior: 'immediate' },
  );
  return { ok: true, message: SUBSCRIBE_ACCEPTED_MESSAGE };
}
