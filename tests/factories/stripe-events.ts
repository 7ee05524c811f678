import Stripe from 'stripe';

export const TEST_WEBHOOK_SECRET = 'whsec_test_masthead_0123456789abcdef';

let sequence = 0;

/** A Stripe event of `type` around `object`, created at `created` (seconds), with a fresh id. */
export function stripeEvent({ type, object, created = Math.floor(Date.now() / 1000), id }: { type: string; object: Record<string, unknown>; created?: number; id?: string }) {
  sequence += 1;
  return { id: id ?? `evt_test_${sequence}_${Date.now()}`, object: 'event', api_version: '2026-10-28.endive', created, livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, type, data: { object } };
}

/** The body and Stripe-Signature header Stripe would send for `event`, signed with `secret`. */
export function signedDelivery(event: object, secret = TEST_WEBHOOK_SECRET): { body: string; signature: string } {
  const body = JSON.stringify(event);
  return { body, signature: Stripe.webhooks.generateTestHeaderString({ payload: body, secret }) };
}

type Reference = { subscriberId: number; tierId: number };

export function checkoutCompleted({ subscriberId, tierId, subscriptionId, customerId = 'cus_test_1', created }: Reference & { subscriptionId: string; customerId?: string; created?: number }) {
  return stripeEvent({
    type: 'checkout.session.completed',
    created,
    object: {
      id: `cs_test_${subscriptionId}`,
      object: 'checkout.session',
      mode: 'subscription',
      status: 'complete',
      payment_status: 'paid',
      client_reference_id: String(subscriberId),
      customer: customerId,
      subscription: subscriptionId,
      metadata: { subscriberId: String(subscriberId), tierId: String(tierId), interval: 'monthly' },
    },
  });
}

export function subscriptionEvent({
  type = 'customer.subscription.updated',
  subscriberId,
  tierId,
  subscriptionId,
  status,
  priceId,
  periodEnd,
  endedAt = null,
  created,
}: Reference & { type?: string; subscriptionId: string; status: string; priceId: string; periodEnd: number; endedAt?: number | null; created?: number }) {
  return stripeEvent({
    type,
    created,
    object: {
      id: subscriptionId,
      object: 'subscription',
      customer: 'cus_test_1',
      status,
      ended_at: endedAt,
      metadata: { subscriberId: String(subscriberId), tierId: String(tierId), interval: 'monthly' },
      items: { object: 'list', data: [{ id: `si_${subscriptionId}`, object: 'subscription_item', price: { id: priceId, object: 'price' }, current_period_end: periodEnd }] },
    },
  });
}

export function paymentFailed({ subscriptionId, created }: { subscriptionId: string; created?: number }) {
  return stripeEvent({
    type: 'invoice.payment_failed',
    created,
    object: { id: `in_${subscriptionId}`, object: 'invoice', status: 'open', parent: { type: 'subscription_details', subscription_details: { subscription: subscriptionId, metadata: {} } } },
  });
}
