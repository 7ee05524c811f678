import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { memberships } from '@/db/schema';
import { listJoinTiers } from '@/lib/access/payments/list-join-tiers';
import { openBillingPortal } from '@/lib/access/payments/open-billing-portal';
import { startCheckout } from '@/lib/access/payments/start-checkout';
import { startFakeStripeApi } from '../factories/fake-stripe-api';
import { createTestTier } from '../factories/membership-tier';
import { createTestSubscriber } from '../factories/subscriber';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

let stripe: Awaited<ReturnType<typeof startFakeStripeApi>>;
beforeAll(async () => {
  stripe = await startFakeStripeApi();
});
afterAll(() => stripe.stop());
beforeEach(() => {
  stripe.calls.length = 0;
  vi.stubEnv('STRIPE_SECRET_KEY', 'sk_test_masthead_offline');
  vi.stubEnv('STRIPE_API_URL', stripe.url);
  vi.stubEnv('SITE_URL', 'https://magazine.example');
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const payingMembership = ({ subscriberId, tierId, customerId }: { subscriberId: number; tierId: number; customerId: string }) =>
  getDb().insert(memberships).values({ subscriberId, tierId, source: 'payment', status: 'active', startsAt: new Date(), providerCustomerId: customerId, providerSubscriptionId: `sub_${customerId}` }).run();

describe('startCheckout', () => {
  it('asks Stripe for a subscription checkout of the tier’s price, for this reader, returning to SITE_URL', async () => {
    const reader = createTestSubscriber({ email: 'joiner@example.org' });
    const tier = createTestTier({ name: 'Supporter', yearlyPriceId: 'price_supporter_year' });

    const result = await startCheckout({ subscriberId: reader.id, tierSlug: tier.slug, interval: 'yearly' });

    expect(result).toEqual({ ok: true, url: `https://checkout.stripe.test/c/pay/cs_fake_1?reader=${reader.id}&price=price_supporter_year` });
    expect(stripe.calls).toHaveLength(1);
    const [call] = stripe.calls;
    expect(call?.path).toBe('/v1/checkout/sessions');
    expect(call?.authorization).toBe('Bearer sk_test_masthead_offline');
    expect(Object.fromEntries(call?.form ?? [])).toMatchObject({
      mode: 'subscription',
      'line_items[0][price]': 'price_supporter_year',
      'line_items[0][quantity]': '1',
      client_reference_id: String(reader.id),
      customer_email: 'joiner@example.org',
      'metadata[subscriberId]': String(reader.id),
      'metadata[tierId]': String(tier.id),
      'subscription_data[metadata][subscriberId]': String(reader.id),
      'subscription_data[metadata][tierId]': String(tier.id),
      success_url: 'https://magazine.example/join?done=welcome',
      cancel_url: 'https://magazine.example/join?done=checkout-canceled',
    });
  });

  it('reuses the reader’s Stripe customer from an earlier payment instead of their address', async () => {
    const reader = createTestSubscriber();
    const tier = createTestTier();
    payingMembership({ subscriberId: reader.id, tierId: tier.id, customerId: 'cus_earlier' });
    getDb().update(memberships).set({ status: 'canceled' }).run();

    await startCheckout({ subscriberId: reader.id, tierSlug: tier.slug, interval: 'monthly' });

    expect(stripe.calls[0]?.form.get('customer')).toBe('cus_earlier');
    expect(stripe.calls[0]?.form.has('customer_email')).toBe(false);
  });

  it('says why when it cannot start, and asks Stripe nothing', async () => {
    const reader = createTestSubscriber();
    const monthlyOnly = createTestTier({ yearlyPriceId: null });
    const paid = createTestTier();
    const other = createTestSubscriber();
    payingMembership({ subscriberId: other.id, tierId: paid.id, customerId: 'cus_paying' });

    expect(await startCheckout({ subscriberId: reader.id, tierSlug: monthlyOnly.slug, interval: 'yearly' })).toEqual({ ok: false, problem: 'not-on-sale' });
    expect(await startCheckout({ subscriberId: reader.id, tierSlug: 'no-such-tier', interval: 'monthly' })).toEqual({ ok: false, problem: 'no-such-tier' });
    expect(await startCheckout({ subscriberId: other.id, tierSlug: paid.slug, interval: 'monthly' })).toEqual({ ok: false, problem: 'already-member' });
    vi.stubEnv('STRIPE_SECRET_KEY', '');
    expect(await startCheckout({ subscriberId: reader.id, tierSlug: paid.slug, interval: 'monthly' })).toEqual({ ok: false, problem: 'payments-off' });
    expect(stripe.calls).toEqual([]);
  });

  it('answers a plain problem when Stripe refuses, and logs Stripe’s reason', async () => {
    const reader = createTestSubscriber();
    const tier = createTestTier();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    stripe.failNext(400);

    expect(await startCheckout({ subscriberId: reader.id, tierSlug: tier.slug, interval: 'monthly' })).toEqual({ ok: false, problem: 'provider' });
    expect(String(logged.mock.calls[0]?.[1])).toContain('No such price');
  });
});

describe('openBillingPortal', () => {
  it('opens the portal for the reader’s Stripe customer, returning to the join page', async () => {
    const reader = createTestSubscriber();
    const tier = createTestTier();
    payingMembership({ subscriberId: reader.id, tierId: tier.id, customerId: 'cus_portal' });

    expect(await openBillingPortal({ subscriberId: reader.id })).toEqual({ ok: true, url: 'https://billing.stripe.test/p/session/cus_portal' });
    expect(stripe.calls[0]?.path).toBe('/v1/billing_portal/sessions');
    expect(Object.fromEntries(stripe.calls[0]?.form ?? [])).toEqual({ customer: 'cus_portal', return_url: 'https://magazine.example/join' });
  });

  it('has nothing to open for a reader who never paid online', async () => {
    const reader = createTestSubscriber();
    expect(await openBillingPortal({ subscriberId: reader.id })).toEqual({ ok: false, problem: 'no-billing' });
  });
});

describe('listJoinTiers', () => {
  it('lists active tiers with their prices, on sale only when payments are on and the price id is set', () => {
    createTestTier({ name: 'Reader', yearlyPriceId: null, benefits: ['The archive'] });
    createTestTier({ name: 'Retired', isActive: false });

    expect(listJoinTiers({ isCheckoutOn: true })).toMatchObject([
      {
        name: 'Reader',
        benefits: ['The archive'],
        prices: [
          { interval: 'monthly', label: '$9.00 a month', isOnSale: true },
          { interval: 'yearly', label: '$90.00 a year', isOnSale: false },
        ],
      },
    ]);
    expect(listJoinTiers({ isCheckoutOn: false })[0]?.prices.map((price) => price.isOnSale)).toEqual([false, false]);
  });
});
