import type { MembershipStatus } from '@/db/schema';

export type BillingInterval = 'monthly' | 'yearly';

/** What a checkout needs to know: the provider's price, who pays, and where the reader comes back to. */
export type CheckoutRequest = {
  priceId: string;
  interval: BillingInterval;
  tierId: number;
  reader: { id: number; email: string };
  /** The reader's customer at the provider, when an earlier payment made one. */
  customerId: string | null;
  successUrl: string;
  cancelUrl: string;
};

/**
 * One verified event from the provider, reduced to the change it asks of a membership. Times are ms.
 * `subscriberId` and `tierId` come from what Masthead wrote on the checkout; null when absent.
 */
export type PaymentChange =
  | { kind: 'checkout-completed'; subscriptionId: string | null; customerId: string | null; subscriberId: number | null; tierId: number | null }
  | {
      kind: 'subscription-changed';
      subscriptionId: string;
      customerId: string | null;
      status: MembershipStatus;
      priceId: string | null;
      periodEndsAt: number | null;
      subscriberId: number | null;
      tierId: number | null;
    }
  | { kind: 'subscription-ended'; subscriptionId: string; customerId: string | null; endedAt: number; subscriberId: number | null; tierId: number | null }
  | { kind: 'payment-failed'; subscriptionId: string | null }
  | { kind: 'not-used' };

export type PaymentEvent = { id: string; type: string; occurredAt: number; change: PaymentChange };

/** Why a webhook was turned away, in words for the sender and the desk. */
export class WebhookRefusedError extends Error {}

/** The seam between Masthead and a payment provider: Masthead never sees card data. */
export type PaymentProvider = {
  /** Short lower-case name, stored with each event (`stripe`). */
  name: string;
  /** Starts a hosted checkout for one price and answers the page to send the reader to. */
  createCheckout(request: CheckoutRequest): Promise<{ url: string }>;
  /** A link to the provider's page where a paying reader manages cards, invoices and cancellation. */
  createPortalLink(request: { customerId: string; returnUrl: string }): Promise<{ url: string }>;
  /** Checks the signature of a webhook's raw body and reads it; throws `WebhookRefusedError` saying why not. */
  parseWebhook(request: { body: string; signature: string | null }): PaymentEvent;
};
