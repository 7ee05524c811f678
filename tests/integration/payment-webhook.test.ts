import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { POST } from '@/app/api/payments/stripe/route';
import { getDb } from '@/db/client';
import { memberships, paymentEvents } from '@/db/schema';
import { createTestTier } from '../factories/membership-tier';
import { checkoutCompleted, paymentFailed, signedDelivery, subscriptionEvent, TEST_WEBHOOK_SECRET } from '../factories/stripe-events';
import { createTestSubscriber } from '../factories/subscriber';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

beforeEach(() => {
  vi.stubEnv('STRIPE_WEBHOOK_SECRET', TEST_WEBHOOK_SECRET);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const now = Math.floor(Date.now() / 1000);

async function deliver(event: object, { signature }: { signature?: string | null } = {}) {
  const signed = signedDelivery(event);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const header = signature === undefined ? signed.signature : signature;
  if (header !== null) headers['stripe-signature'] = header;
  const response = await POST(new Request('http://localhost:3000/api/payments/stripe', { method: 'POST', body: signed.body, headers }));
  return { status: response.status, json: (await response.json()) as { ok: boolean; error?: string; duplicate?: boolean; outcome?: string } };
}

const membershipsOf = (subscriberId: number) => getDb().select().from(memberships).where(eq(memberships.subscriberId, subscriberId)).all();
const eventRow = (id: string) => getDb().select().from(paymentEvents).where(eq(paymentEvents.id, id)).get();

describe('POST /api/payments/stripe', () => {
  it('turns a completed checkout into an active payment membership for the reader it names', async () => {
    const reader = createTestSubscriber();
    const tier = createTestTier({ name: 'Supporter' });
    const event = checkoutCompleted({ subscriberId: reader.id, tierId: tier.id, subscriptionId: 'sub_1', created: now });

    const answer = await deliver(event);

    expect(answer.status).toBe(200);
    expect(membershipsOf(reader.id)).toMatchObject([{ tierId: tier.id, source: 'payment', status: 'active', providerSubscriptionId: 'sub_1', providerCustomerId: 'cus_test_1', providerUpdatedAt: now * 1000 }]);
    expect(eventRow(event.id)?.outcome).toMatch(/^Created membership #\d+: Supporter for reader/);
  });

  it('changes nothing the second time the same event arrives', async () => {
    const reader = createTestSubscriber();
    const tier = createTestTier();
    const event = checkoutCompleted({ subscriberId: reader.id, tierId: tier.id, subscriptionId: 'sub_twice', created: now });

    await deliver(event);
    const before = membershipsOf(reader.id);
    const second = await deliver(event);

    expect(second).toMatchObject({ status: 200, json: { ok: true, duplicate: true } });
    expect(membershipsOf(reader.id)).toEqual(before);
    expect(getDb().select().from(paymentEvents).all()).toHaveLength(1);
  });

  it('follows the subscription: period end, status, and the tier its price belongs to', async () => {
    const reader = createTestSubscriber();
    const supporter = createTestTier({ name: 'Supporter' });
    const patron = createTestTier({ name: 'Patron', yearlyPriceId: 'price_patron_year' });
    await deliver(checkoutCompleted({ subscriberId: reader.id, tierId: supporter.id, subscriptionId: 'sub_2', created: now }));

    await deliver(subscriptionEvent({ subscriberId: reader.id, tierId: supporter.id, subscriptionId: 'sub_2', status: 'active', priceId: 'price_patron_year', periodEnd: now + 365 * 86400, created: now + 10 }));
    expect(membershipsOf(reader.id)).toMatchObject([{ tierId: patron.id, status: 'active', endsAt: new Date((now + 365 * 86400) * 1000) }]);

    await deliver(paymentFailed({ subscriptionId: 'sub_2', created: now + 20 }));
    expect(membershipsOf(reader.id)).toMatchObject([{ status: 'past_due' }]);

    await deliver(subscriptionEvent({ type: 'customer.subscription.deleted', subscriberId: reader.id, tierId: patron.id, subscriptionId: 'sub_2', status: 'canceled', priceId: 'price_patron_year', periodEnd: now, endedAt: now + 30, created: now + 30 }));
    expect(membershipsOf(reader.id)).toMatchObject([{ status: 'canceled', endsAt: new Date((now + 30) * 1000) }]);
  });

  it('lets no older event undo a newer one when deliveries come in reverse order', async () => {
    const reader = createTestSubscriber();
    const tier = createTestTier();
    const priceId = `price_month_${tier.id}`;
    const created = checkoutCompleted({ subscriberId: reader.id, tierId: tier.id, subscriptionId: 'sub_3', created: now });
    const renewed = subscriptionEvent({ subscriberId: reader.id, tierId: tier.id, subscriptionId: 'sub_3', status: 'active', priceId, periodEnd: now + 30 * 86400, created: now + 5 });
    const failing = subscriptionEvent({ subscriberId: reader.id, tierId: tier.id, subscriptionId: 'sub_3', status: 'past_due', priceId, periodEnd: now + 60 * 86400, created: now + 10 });
    const deleted = subscriptionEvent({ type: 'customer.subscription.deleted', subscriberId: reader.id, tierId: tier.id, subscriptionId: 'sub_3', status: 'canceled', priceId, periodEnd: now + 60 * 86400, endedAt: now + 20, created: now + 20 });

    for (const event of [deleted, failing, renewed, created]) expect((await deliver(event)).status).toBe(200);

    expect(membershipsOf(reader.id)).toMatchObject([{ status: 'canceled', endsAt: new Date((now + 20) * 1000), source: 'payment' }]);
    expect(eventRow(renewed.id)?.outcome).toMatch(/^Ignored: membership #\d+ has already ended/);
    expect(eventRow(created.id)?.outcome).toMatch(/^Already recorded/);
  });

  it('keeps the newer of two subscription updates that arrive swapped', async () => {
    const reader = createTestSubscriber();
    const tier = createTestTier();
    const priceId = `price_month_${tier.id}`;
    const older = subscriptionEvent({ subscriberId: reader.id, tierId: tier.id, subscriptionId: 'sub_4', status: 'active', priceId, periodEnd: now + 30 * 86400, created: now });
    const newer = subscriptionEvent({ subscriberId: reader.id, tierId: tier.id, subscriptionId: 'sub_4', status: 'past_due', priceId, periodEnd: now + 30 * 86400, created: now + 60 });

    await deliver(newer);
    await deliver(older);

    expect(membershipsOf(reader.id)).toMatchObject([{ status: 'past_due', providerUpdatedAt: (now + 60) * 1000 }]);
    expect(eventRow(older.id)?.outcome).toMatch(/^Ignored: older than the last change/);
  });

  it('refuses a bad signature with 400 and its reason, changes nothing, and leaves a record for the desk', async () => {
    const reader = createTestSubscriber();
    const tier = createTestTier();
    const event = checkoutCompleted({ subscriberId: reader.id, tierId: tier.id, subscriptionId: 'sub_forged', created: now });
    const forged = signedDelivery(event, 'whsec_someone_else').signature;

    const answer = await deliver(event, { signature: forged });
    const again = await deliver(event, { signature: forged });

    expect(answer).toEqual({ status: 400, json: { ok: false, error: expect.stringContaining('does not match') } });
    expect(again.status).toBe(400);
    expect(membershipsOf(reader.id)).toEqual([]);
    expect(eventRow(event.id)).toBeUndefined();
    const refusals = getDb().select().from(paymentEvents).where(eq(paymentEvents.type, 'refused')).all();
    expect(refusals).toHaveLength(1);
    expect(refusals[0]?.outcome).toMatch(/^2 requests refused: The Stripe-Signature header does not match/);
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('Payment webhook refused'));
  });

  it('refuses a delivery without a signature, saying so', async () => {
    const answer = await deliver(checkoutCompleted({ subscriberId: 1, tierId: 1, subscriptionId: 'sub_unsigned' }), { signature: null });
    expect(answer).toEqual({ status: 400, json: { ok: false, error: 'The request has no Stripe-Signature header.' } });
  });

  it('records an event for an unknown tier or reader without creating anything, and says why', async () => {
    const reader = createTestSubscriber();
    const tier = createTestTier();
    const noTier = checkoutCompleted({ subscriberId: reader.id, tierId: tier.id + 99, subscriptionId: 'sub_no_tier' });
    const noReader = checkoutCompleted({ subscriberId: reader.id + 99, tierId: tier.id, subscriptionId: 'sub_no_reader' });

    expect((await deliver(noTier)).status).toBe(200);
    expect((await deliver(noReader)).status).toBe(200);

    expect(getDb().select().from(memberships).all()).toEqual([]);
    expect(eventRow(noTier.id)?.outcome).toMatch(/^Skipped: no tier #\d+ exists/);
    expect(eventRow(noReader.id)?.outcome).toMatch(/^Skipped: no reader #\d+/);
  });

  it('answers 503 and stores nothing while no signing secret is set', async () => {
    vi.stubEnv('STRIPE_WEBHOOK_SECRET', '');
    const answer = await deliver(checkoutCompleted({ subscriberId: 1, tierId: 1, subscriptionId: 'sub_off' }));
    expect(answer).toEqual({ status: 503, json: { ok: false, error: expect.stringContaining('STRIPE_WEBHOOK_SECRET is not set') } });
    expect(getDb().select().from(paymentEvents).all()).toEqual([]);
  });
});
