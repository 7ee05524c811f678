import sharp from 'sharp';
import Stripe from 'stripe';
import { revalidationToken } from '@/lib/platform/cache/revalidation-token';
import { signUnsubscribeToken } from '@/lib/readers/unsubscribe-token';
import { TRUST_AUTH_SECRET } from './app-process';

/** The tokens the app under test signs, made with the same secret it was started with. */
export function signUnsubscribe(subscriberId: number): string {
  return withAppSecret(() => signUnsubscribeToken(subscriberId));
}

export function revalidationBearer(): string {
  return withAppSecret(() => revalidationToken());
}

/** The Stripe keys the app under test is started with; its API is a local stand-in. */
export const MATRIX_STRIPE = { secretKey: 'sk_test_matrix_offline', webhookSecret: 'whsec_matrix_0123456789abcdef' };

/** A Stripe event's body and the Stripe-Signature header for it, signed with `secret`. */
export function signStripeEvent({ event, secret }: { event: object; secret: string }): { body: string; signature: string } {
  const body = JSON.stringify(event);
  return { body, signature: Stripe.webhooks.generateTestHeaderString({ payload: body, secret }) };
}

/** A 16 × 16 grey PNG, a real image for the upload rows. */
export function tinyPng(): Promise<Buffer> {
  return sharp({ create: { width: 16, height: 16, channels: 3, background: '#888888' } }).png().toBuffer();
}

function withAppSecret<Value>(make: () => Value): Value {
  const previous = process.env.AUTH_SECRET;
  process.env.AUTH_SECRET = TRUST_AUTH_SECRET;
  try {
    return make();
  } finally {
    if (previous === undefined) delete process.env.AUTH_SECRET;
    else process.env.AUTH_SECRET = previous;
  }
}
