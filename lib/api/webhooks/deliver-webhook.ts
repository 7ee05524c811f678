import 'server-only';
import { createHmac } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { webhookDeliveries, webhooks } from '@/db/schema';
import type { QueuedJob } from '@/lib/platform/jobs/job-queue';

const TIMEOUT_MS = 10_000;
/** Enough of a receiver's answer to tell what went wrong, never a whole error page. */
const ERROR_TEXT_LIMIT = 300;

/**
 * `X-Masthead-Signature: sha256=<hex>, t=<timestamp>`: the hex HMAC-SHA256, keyed with the webhook's
 * secret, of `<timestamp>.<body>`, the timestamp being milliseconds since 1970 when the attempt was
 * sent. A receiver recomputes it over the raw body and refuses an old timestamp to stop replays.
 */
export function webhookSignature({ secret, body, timestamp }: { secret: string; body: string; timestamp: number }): string {
  const hex = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `sha256=${hex}, t=${timestamp}`;
}

/**
 * The queue's handler for one delivery: POSTs the payload, records the attempt, and throws on a
 * non-2xx answer or a network error so the queue tries again after its backoff.
 */
export async function deliverWebhook(job: QueuedJob): Promise<void> {
  const deliveryId = Number(job.payload.deliveryId);
  const db = getDb();
  const found = db
    .select({ delivery: webhookDeliveries, targetUrl: webhooks.targetUrl, secret: webhooks.secret })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(eq(webhookDeliveries.id, deliveryId))
    .get();
  // The webhook was removed since: nothing is owed to anyone.
  if (!found || found.delivery.status === 'delivered') return;

  const { delivery, targetUrl, secret } = found;
  const timestamp = Date.now();
  let responseStatus: number | null = null;
  let error: string | null = null;
  try {
    const response = await fetch(targetUrl, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Masthead-Webhooks/1.0',
        'X-Masthead-Event': delivery.event,
        'X-Masthead-Delivery': String(delivery.id),
        'X-Masthead-Signature': webhookSignature({ secret, body: delivery.payload, timestamp }),
      },
      body: delivery.payload,
    });
    responseStatus = response.status;
    if (!response.ok) error = `The receiver answered ${response.status}: ${(await response.text().catch(() => '')).trim().slice(0, ERROR_TEXT_LIMIT)}`.trim().replace(/:$/, '.');
  } catch (failure) {
    error = failure instanceof Error && failure.name === 'TimeoutError' ? `The receiver did not answer within ${TIMEOUT_MS / 1000} seconds.` : `The receiver could not be reached: ${causeOf(failure)}`;
  }

  const isLastAttempt = job.attempts >= job.maxAttempts;
  db.update(webhookDeliveries)
    .set({
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      responseStatus,
      error,
      status: error === null ? 'delivered' : isLastAttempt ? 'failed' : 'pending',
      deliveredAt: error === null ? new Date() : null,
    })
    .where(eq(webhookDeliveries.id, delivery.id))
    .run();
  if (error !== null) throw new Error(error);
}

function causeOf(failure: unknown): string {
  if (!(failure instanceof Error)) return String(failure);
  const cause = failure.cause instanceof Error ? failure.cause.message : '';
  return cause || failure.message;
}
