import 'server-only';
import type { PaymentProvider } from './payment-provider';
import { getPaymentsConfig } from './payments-config';
import { stripeProvider } from './stripe-provider';

/** The configured provider (Stripe); read at each call so the keys may be set without a rebuild. */
export function getPaymentProvider(): PaymentProvider {
  return stripeProvider(getPaymentsConfig());
}

/** Whether readers can buy a membership here: Checkout needs the secret API key. */
export function isCheckoutOn(): boolean {
  return getPaymentsConfig().secretKey !== null;
}
