import 'server-only';
import Stripe from 'stripe';
import type { MembershipStatus } from '@/db/schema';
import { WebhookRefusedError, type PaymentChange, type PaymentEvent, type PaymentProvider } from './payment-provider';

type StripeKeys = { secretKey: string | null; webhookSecret: string | null; apiUrl: string | null };

/**
 * Stripe behind the provider seam: hosted Checkout in subscription mode, the customer portal, and
 * webhook events checked against the endpoint's signing secret. Which reader and tier a checkout is
 * for travels in its metadata and the subscription's, so every later event can be tied back to them.
 */
export function stripeProvider({ secretKey, webhookSecret, apiUrl }: StripeKeys): PaymentProvider {
  let client: Stripe | null = null;
  const api = (): Stripe => {
    if (!secretKey) throw new Error('STRIPE_SECRET_KEY is not set.');
    client ??= new Stripe(secretKey, { ...addressOf(apiUrl), maxNetworkRetries: 2, timeout: 20_000, appInfo: { name: 'Masthead' } });
    return client;
  };
  return {
    name: 'stripe',
    async createCheckout({ priceId, interval, tierId, reader, customerId, successUrl, cancelUrl }) {
      const metadata = { subscriberId: String(reader.id), tierId: String(tierId), interval };
      const session = await api().checkout.sessions.create({
        mode: 'subscription',
        line_items: [{ price: priceId, quantity: 1 }],
        client_reference_id: String(reader.id),
        ...(customerId ? { customer: customerId } : { customer_email: reader.email }),
        metadata,
        subscription_data: { metadata },
        success_url: successUrl,
        cancel_url: cancelUrl,
      });
      if (!session.url) throw new Error(`Stripe answered checkout session ${session.id} without a URL.`);
      return { url: session.url };
    },
    async createPortalLink({ customerId, returnUrl }) {
      const session = await api().billingPortal.sessions.create({ customer: customerId, return_url: returnUrl });
      return { url: session.url };
    },
    parseWebhook({ body, signature }) {
      if (!webhookSecret) throw new WebhookRefusedError('STRIPE_WEBHOOK_SECRET is not set.');
      if (!signature) throw new WebhookRefusedError('The request has no Stripe-Signature header.');
      let event: Stripe.Event;
      try {
        event = Stripe.webhooks.constructEvent(body, signature, webhookSecret);
      } catch (error) {
        const reason = error instanceof Stripe.errors.StripeSignatureVerificationError ? 'The Stripe-Signature header does not match the body and the signing secret (or it is too old).' : 'The body is not a Stripe event.';
        throw new WebhookRefusedError(reason);
      }
      try {
        return toPaymentEvent(event);
      } catch {
        throw new WebhookRefusedError('The event is not shaped as Stripe sends it.');
      }
    },
  };
}

function addressOf(apiUrl: string | null): { host?: string; port?: number; protocol?: 'http' | 'https' } {
  if (!apiUrl) return {};
  const url = new URL(apiUrl);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: Number(url.port || (protocol === 'http' ? 80 : 443)), protocol };
}

function toPaymentEvent(event: Stripe.Event): PaymentEvent {
  return { id: event.id, type: event.type, occurredAt: event.created * 1000, change: changeOf(event) };
}

// Read loosely: an account may send events in an older API version than the package's.
type Loose = Record<string, unknown>;

function changeOf(event: Stripe.Event): PaymentChange {
  const object = event.data.object as unknown as Loose;
  switch (event.type) {
    case 'checkout.session.completed': {
      const metadata = metadataOf(object);
      return {
        kind: 'checkout-completed',
        subscriptionId: idOf(object.subscription),
        customerId: idOf(object.customer),
        subscriberId: wholeNumber(object.client_reference_id) ?? wholeNumber(metadata.subscriberId),
        tierId: wholeNumber(metadata.tierId),
      };
    }
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
      return { kind: 'subscription-changed', ...subscriptionParts(object), status: statusOf(String(object.status)), priceId: priceOf(object), periodEndsAt: periodEndOf(object) };
    case 'customer.subscription.deleted': {
      const endedAt = typeof object.ended_at === 'number' ? object.ended_at * 1000 : event.created * 1000;
      return { kind: 'subscription-ended', ...subscriptionParts(object), endedAt };
    }
    case 'invoice.payment_failed': {
      const parent = object.parent as Loose | null | undefined;
      const details = parent?.subscription_details as Loose | null | undefined;
      return { kind: 'payment-failed', subscriptionId: idOf(details?.subscription) ?? idOf(object.subscription) };
    }
    default:
      return { kind: 'not-used' };
  }
}

function subscriptionParts(object: Loose) {
  const metadata = metadataOf(object);
  return { subscriptionId: String(object.id), customerId: idOf(object.customer), subscriberId: wholeNumber(metadata.subscriberId), tierId: wholeNumber(metadata.tierId) };
}

/** Stripe's eight states in Masthead's four: retrying a payment still gives access, an ended subscription never comes back. */
function statusOf(status: string): MembershipStatus {
  if (status === 'active' || status === 'trialing') return 'active';
  if (status === 'past_due' || status === 'unpaid') return 'past_due';
  if (status === 'canceled' || status === 'incomplete_expired') return 'canceled';
  return 'expired';
}

function firstItem(object: Loose): Loose | undefined {
  const items = object.items as { data?: Loose[] } | undefined;
  return items?.data?.[0];
}

function priceOf(object: Loose): string | null {
  return idOf(firstItem(object)?.price);
}

function periodEndOf(object: Loose): number | null {
  const end = firstItem(object)?.current_period_end ?? object.current_period_end;
  return typeof end === 'number' ? end * 1000 : null;
}

function metadataOf(object: Loose): Record<string, unknown> {
  return (object.metadata as Record<string, unknown> | null | undefined) ?? {};
}

function idOf(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (value && typeof value === 'object' && typeof (value as Loose).id === 'string') return (value as Loose).id as string;
  return null;
}

function wholeNumber(value: unknown): number | null {
  const number = Number(value);
  return typeof value === 'string' && /^\d+$/.test(value) && Number.isSafeInteger(number) && number > 0 ? number : null;
}
