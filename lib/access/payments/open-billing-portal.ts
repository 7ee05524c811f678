import 'server-only';
import { getConfig } from '@/lib/platform/config/get-config';
import { getPaymentProvider, isCheckoutOn } from './get-payment-provider';
import { billingCustomerOf } from './start-checkout';

export type PortalProblem = 'payments-off' | 'no-billing' | 'provider';
export type PortalStart = { ok: true; url: string } | { ok: false; problem: PortalProblem };

/** The provider's billing page for a reader who has paid before (cards, invoices, cancelling). */
export async function openBillingPortal({ subscriberId }: { subscriberId: number }): Promise<PortalStart> {
  if (!isCheckoutOn()) return { ok: false, problem: 'payments-off' };
  const customerId = billingCustomerOf(subscriberId);
  if (!customerId) return { ok: false, problem: 'no-billing' };
  try {
    return { ok: true, ...(await getPaymentProvider().createPortalLink({ customerId, returnUrl: `${getConfig().siteUrl}/join` })) };
  } catch (error) {
    console.error('Opening the billing portal failed:', error);
    return { ok: false, problem: 'provider' };
  }
}
