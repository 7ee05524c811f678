import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { integrations, WEBHOOK_EVENTS, webhookDeliveries, webhooks, type Integration, type Webhook, type WebhookDelivery, type WebhookEvent } from '@/db/schema';
import { queueDelivery } from './queue-webhook-event';

export { WEBHOOK_EVENTS };
export type { Integration, Webhook, WebhookDelivery, WebhookEvent };

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  'post.published': 'An article is published',
  'post.published.edited': 'A published article is updated or corrected',
  'post.unpublished': 'An article is unpublished',
  'issue.published': 'An issue is published',
};

const DELIVERY_LOG_LIMIT = 100;

export type AddWebhookResult = { ok: true; id: number; secret: string } | { ok: false; error: string; fieldErrors?: Record<string, string> };

export function getIntegration(id: number): Integration | undefined {
  return getDb().select().from(integrations).where(eq(integrations.id, id)).get();
}

/** Adds a webhook with a new signing secret; only http(s) addresses are taken. */
export function addWebhook({ integrationId, event, targetUrl }: { integrationId: number; event: string; targetUrl: string }): AddWebhookResult {
  const integration = getIntegration(integrationId);
  if (!integration) return { ok: false, error: 'That integration does not exist, or it has been deleted.' };
  if (integration.revokedAt) return { ok: false, error: `${integration.name} is revoked; a revoked integration receives no webhooks.` };
  if (!(WEBHOOK_EVENTS as readonly string[]).includes(event)) {
    const error = 'Choose the event to send.';
    return { ok: false, error, fieldErrors: { event: error } };
  }
  const url = httpUrl(targetUrl);
  if (!url) {
    const error = 'Give the full address the receiver listens on, starting with https:// (or http://).';
    return { ok: false, error, fieldErrors: { targetUrl: error } };
  }
  const secret = randomBytes(32).toString('hex');
  const row = getDb()
    .insert(webhooks)
    .values({ integrationId, event: event as WebhookEvent, targetUrl: url, secret })
    .returning({ id: webhooks.id })
    .get();
  return { ok: true, id: row.id, secret };
}

function httpUrl(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.length > 2000) return null;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function removeWebhook({ integrationId, id }: { integrationId: number; id: number }): { ok: true; targetUrl: string } | { ok: false; error: string } {
  const row = getDb()
    .delete(webhooks)
    .where(and(eq(webhooks.id, id), eq(webhooks.integrationId, integrationId)))
    .returning({ targetUrl: webhooks.targetUrl })
    .get();
  if (!row) return { ok: false, error: 'That webhook was already removed; reload to see the list as it stands.' };
  return { ok: true, targetUrl: row.targetUrl };
}

export function listWebhooks(integrationId: number): Webhook[] {
  return getDb().select().from(webhooks).where(eq(webhooks.integrationId, integrationId)).orderBy(webhooks.id).all();
}

export type DeliveryLogRow = WebhookDelivery & { targetUrl: string };

/** The delivery log, newest first: of one webhook, or of every webhook of an integration. */
export function listDeliveries(filter: { webhookId: number } | { integrationId: number }): DeliveryLogRow[] {
  const where = 'webhookId' in filter ? eq(webhookDeliveries.webhookId, filter.webhookId) : eq(webhooks.integrationId, filter.integrationId);
  return getDb()
    .select({ delivery: webhookDeliveries, targetUrl: webhooks.targetUrl })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(where)
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(DELIVERY_LOG_LIMIT)
    .all()
    .map((row) => ({ ...row.delivery, targetUrl: row.targetUrl }));
}

/** Sends a failed delivery again, the same payload with a fresh round of attempts. */
export function resendDelivery(id: number, { integrationId }: { integrationId?: number } = {}): { ok: true; event: WebhookEvent } | { ok: false; error: string } {
  const db = getDb();
  const found = db
    .select({ status: webhookDeliveries.status, event: webhookDeliveries.event, integrationId: webhooks.integrationId })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(eq(webhookDeliveries.id, id))
    .get();
  if (!found || (integrationId !== undefined && found.integrationId !== integrationId)) return { ok: false, error: 'That delivery is no longer in the log; reload to see it as it stands.' };
  if (found.status !== 'failed') return { ok: false, error: found.status === 'delivered' ? 'That delivery has arrived; there is nothing to send again.' : 'That delivery is still being tried; wait for it to arrive or fail.' };
  db.update(webhookDeliveries).set({ status: 'pending', error: null }).where(eq(webhookDeliveries.id, id)).run();
  queueDelivery(id);
  return { ok: true, event: found.event };
}
