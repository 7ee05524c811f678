import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { formatInZone } from '../../lib/platform/time/zoned-time';
import { checkoutCompleted, signedDelivery, subscriptionEvent } from '../factories/stripe-events';
import { readDemoDatabase } from './support/read-demo-database';
import { DEMO_SERVER } from './support/servers';
import { newStaffPage } from './support/staff-session';

/** A tier and a subscriber written straight into the demo database, as the desk would have made them. */
function insertTierAndReader(label: string): { tierId: number; tierName: string; readerId: number; email: string } {
  const database = new Database(DEMO_SERVER.databasePath);
  try {
    const tierName = `Patron ${label}`;
    const tierId = Number(
      database
        .prepare("insert into membership_tiers (slug, name, description, monthly_price_cents, yearly_price_cents, benefits, provider_monthly_price_id, provider_yearly_price_id) values (?, ?, 'Every feature and the whole archive.', 1200, 12000, ?, ?, ?)")
        .run(`patron-${label}`, tierName, JSON.stringify(['The archive', 'Every feature']), `price_${label}_month`, `price_${label}_year`).lastInsertRowid,
    );
    const email = `member-${label}@example.org`;
    const readerId = Number(database.prepare("insert into subscribers (email, status, confirmed_at) values (?, 'confirmed', ?)").run(email, Date.now()).lastInsertRowid);
    return { tierId, tierName, readerId, email };
  } finally {
    database.close();
  }
}

test('with payments off, the join page lists the tiers without selling them, and the desk says payments are off', async ({ page, browser }) => {
  const { tierName } = insertTierAndReader(`off${Date.now()}`);
  await page.goto('/join');
  await expect(page.getByRole('heading', { name: 'Become a member', level: 1 })).toBeVisible();
  await expect(page.getByText('Online payments are not connected yet')).toBeVisible();
  const tier = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: tierName }) });
  await expect(tier.getByRole('list', { name: `Prices of ${tierName}` })).toHaveText(/\$12\.00 a month\s*\$120\.00 a year/);
  await expect(tier.getByRole('list', { name: `What ${tierName} includes` }).getByRole('listitem')).toHaveText(['The archive', 'Every feature']);
  await expect(page.getByRole('button', { name: /^Join/ })).toHaveCount(0);

  const admin = await newStaffPage(browser, 'admin');
  await admin.goto('/desk/settings');
  await admin.getByRole('link', { name: 'payments' }).click();
  await expect(admin.getByRole('heading', { name: 'Payments', level: 1 })).toBeVisible();
  await expect(admin.getByText('Off: STRIPE_SECRET_KEY is not set')).toBeVisible();
  await expect(admin.getByText('On: events signed with STRIPE_WEBHOOK_SECRET')).toBeVisible();
  await expect(admin.getByLabel('Webhook URL')).toHaveText(`${DEMO_SERVER.url}/api/payments/stripe`);

  const editor = await newStaffPage(browser, 'editor');
  await editor.goto('/desk/settings/payments');
  await expect(editor.getByText('Only administrators can see how payments are connected.')).toBeVisible();
  await expect(editor.getByLabel('Webhook URL')).toHaveCount(0);
});

test('Stripe’s signed events over HTTP create a membership that the desk lists as the database holds it; a forged one is refused', async ({ request, browser }) => {
  const label = `on${Date.now()}`;
  const { tierId, tierName, readerId, email } = insertTierAndReader(label);
  const now = Math.floor(Date.now() / 1000);
  const subscriptionId = `sub_${label}`;
  const send = (event: object, secret = DEMO_SERVER.stripeWebhookSecret) => {
    const signed = signedDelivery(event, secret);
    return request.post('/api/payments/stripe', { data: signed.body, headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signed.signature } });
  };

  const forged = await send(checkoutCompleted({ subscriberId: readerId, tierId, subscriptionId }), 'whsec_forged');
  expect(forged.status()).toBe(400);
  expect((await forged.json()).error).toContain('does not match');

  const completed = checkoutCompleted({ subscriberId: readerId, tierId, subscriptionId, customerId: `cus_${label}`, created: now });
  expect((await send(completed)).status()).toBe(200);
  const updated = subscriptionEvent({ subscriberId: readerId, tierId, subscriptionId, status: 'active', priceId: `price_${label}_year`, periodEnd: now + 365 * 86400, created: now + 1 });
  expect((await send(updated)).status()).toBe(200);
  const again = await send(completed);
  expect(await again.json()).toMatchObject({ ok: true, duplicate: true });

  const { membership, timeZone, outcomes } = readDemoDatabase((database) => ({
    membership: database.prepare("select status, starts_at, ends_at, provider_subscription_id from memberships where subscriber_id = ? and source = 'payment'").all(readerId) as { status: string; starts_at: number; ends_at: number; provider_subscription_id: string }[],
    timeZone: JSON.parse((database.prepare("select value from settings where key = 'timeZone'").get() as { value: string } | undefined)?.value ?? '"UTC"') as string,
    outcomes: database.prepare('select id, outcome from payment_events where id in (?, ?)').all(completed.id, updated.id) as { id: string; outcome: string }[],
  }));
  expect(membership).toHaveLength(1);
  const [stored] = membership;

  const admin = await newStaffPage(browser, 'admin');
  await admin.goto('/desk/settings/payments');
  const row = admin.getByRole('table', { name: 'Paying members' }).getByRole('row').filter({ hasText: email });
  await expect(row.getByRole('cell')).toHaveText([
    email,
    tierName,
    stored!.status === 'active' ? 'Active' : stored!.status,
    formatInZone({ instant: new Date(stored!.starts_at), timeZone }),
    formatInZone({ instant: new Date(stored!.ends_at), timeZone }),
    stored!.provider_subscription_id,
  ]);
  const events = admin.getByRole('table', { name: 'Payment events' });
  for (const event of outcomes) await expect(events.getByRole('row').filter({ hasText: event.id })).toContainText(event.outcome);
  await expect(events.getByRole('row').filter({ hasText: 'refused' }).first()).toContainText('refused: The Stripe-Signature header does not match');
});
