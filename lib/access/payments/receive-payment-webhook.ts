import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { paymentEvents } from '@/db/schema';
import { applyPaymentEvent } from './apply-payment-event';
import { getPaymentProvider } from './get-payment-provider';
import { WebhookRefusedError } from './payment-provider';
import { getPaymentsConfig, WEBHOOK_OFF_MESSAGE } from './payments-config';

export type WebhookAnswer = { status: number; body: Record<string, unknown> };

/** Shown on the desk for refused deliveries, which have no trustworthy event id of their own. */
export const REFUSED_EVENT_TYPE = 'refused';

/**
 * A webhook delivery from start to answer. Without a signing secret: 503, so the provider keeps the
 * event and retries it once payments are connected. A bad signature: 400 with the reason, logged
 * and counted on the desk. Otherwise the event is applied (once, whatever the number of deliveries).
 */
export function receivePaymentWebhook({ body, signature, now = Date.now() }: { body: string; signature: string | null; now?: number }): WebhookAnswer {
  if (!getPaymentsConfig().webhookSecret) return { status: 503, body: { ok: false, error: WEBHOOK_OFF_MESSAGE } };
  const provider = getPaymentProvider();
  let event;
  try {
    event = provider.parseWebhook({ body, signature });
  } catch (error) {
    if (!(error instanceof WebhookRefusedError)) throw error;
    console.warn(`Payment webhook refused: ${error.message}`);
    recordRefusal({ provider: provider.name, reason: error.message, now });
    return { status: 400, body: { ok: false, error: error.message } };
  }
  const applied = applyPaymentEvent({ event, provider: provider.name });
  return { status: 200, body: { ok: true, received: event.id, duplicate: applied.isDuplicate, outcome: applied.outcome } };
}

/** One row per minute of refusals, counting them, so a flood of forged requests cannot fill the table. */
function recordRefusal({ provider, reason, now }: { provider: string; reason: string; now: number }): void {
  const minute = Math.floor(now / 60_000) * 60_000;
  getDb()
    .insert(paymentEvents)
    .values({ id: `refused:${new Date(minute).toISOString()}`, provider, type: REFUSED_EVENT_TYPE, occurredAt: now, outcome: `1 request refused: ${reason}` })
    .onConflictDoUpdate({
      target: paymentEvents.id,
      set: {
        occurredAt: now,
        // The count leads the sentence, so SQLite reads it back with a cast.
        outcome: sql`(cast(${paymentEvents.outcome} as integer) + 1) || ${` requests refused: ${reason}`}`,
      },
    })
    .run();
}
