import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { integrations, webhookDeliveries, webhooks, type WebhookEvent } from '@/db/schema';
import { enqueueJob } from '@/lib/platform/jobs/job-queue';
import { articlePayload, issuePayload } from './webhook-payload';

export const WEBHOOK_JOB_KIND = 'webhook';
/** With the queue's backoff (10 s, 40 s, 2.7 min, 11 min, 43 min) a receiver has about an hour to come back. */
export const WEBHOOK_MAX_ATTEMPTS = 6;

/** `previousStatus`: the article's status before the move, which Ghost's payloads name under `previous`. */
export type WebhookSubject = { articleId: number; previousStatus?: string } | { issueId: number };

/** The event a workflow move sends, if any: publishing, updating or correcting, and unpublishing. */
export function articleWebhookEvent(action: string): WebhookEvent | null {
  if (action === 'publish') return 'post.published';
  if (action === 'update') return 'post.published.edited';
  if (action === 'unpublish') return 'post.unpublished';
  return null;
}

/**
 * Queues one delivery per live webhook that asked for `event`. Called after the change has been
 * committed; it never throws, since what was published stays published whatever a receiver does.
 * Returns how many deliveries were queued.
 */
export function queueWebhookEvent(event: WebhookEvent, subject: WebhookSubject): number {
  try {
    const db = getDb();
    const targets = db
      .select({ id: webhooks.id })
      .from(webhooks)
      .innerJoin(integrations, eq(integrations.id, webhooks.integrationId))
      .where(and(eq(webhooks.event, event), isNull(webhooks.disabledAt), isNull(integrations.revokedAt)))
      .all();
    if (targets.length === 0) return 0;
    const previous = 'articleId' in subject && subject.previousStatus && event !== 'post.published.edited' ? { status: subject.previousStatus } : {};
    const payload = 'issueId' in subject ? issuePayload(subject.issueId) : articlePayload(subject.articleId, previous);
    if (!payload) return 0;
    const body = JSON.stringify(payload);
    for (const target of targets) {
      const delivery = db.insert(webhookDeliveries).values({ webhookId: target.id, event, payload: body }).returning({ id: webhookDeliveries.id }).get();
      queueDelivery(delivery.id);
    }
    return targets.length;
  } catch (error) {
    console.error(`Queueing the ${event} webhooks failed:`, error);
    return 0;
  }
}

/** Puts a delivery (new, or failed and sent again) on the queue with a fresh set of attempts. */
export function queueDelivery(deliveryId: number): void {
  const jobId = enqueueJob({ kind: WEBHOOK_JOB_KIND, payload: { deliveryId }, dedupeKey: `webhook-delivery:${deliveryId}`, maxAttempts: WEBHOOK_MAX_ATTEMPTS });
  getDb().update(webhookDeliveries).set({ jobId }).where(eq(webhookDeliveries.id, deliveryId)).run();
}
