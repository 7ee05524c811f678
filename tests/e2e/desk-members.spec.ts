import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { readDemoDatabase } from './support/read-demo-database';
import { DEMO_SERVER } from './support/servers';
import { newStaffPage } from './support/staff-session';

test.use({ viewport: { width: 1366, height: 900 } });

type MembershipRow = { id: number; status: string; source: string; tier: string; ends_at: number };

const membershipOf = (email: string): MembershipRow | undefined =>
  readDemoDatabase(
    (database) =>
      database
        .prepare('select m.id, m.status, m.source, t.name as tier, m.ends_at from memberships m join subscribers s on s.id = m.subscriber_id join membership_tiers t on t.id = m.tier_id where s.email = ?')
        .get(email) as MembershipRow | undefined,
  );

const institutionCount = (): number => readDemoDatabase((database) => (database.prepare('select count(*) as n from institutions').get() as { n: number }).n);

test('an administrator makes a tier, grants a membership, finds it with the database’s values, filters and cancels it', async ({ browser }, testInfo) => {
  test.setTimeout(90_000);
  const run = `${testInfo.retry}${Date.now().toString(36)}`;
  const tierName = `Fellow ${run}`;
  const email = `member-${run}@example.org`;
  const desk = await newStaffPage(browser, 'admin');

  await desk.goto('/desk/members/tiers');
  const tierForm = desk.getByRole('form', { name: 'New tier' });
  await tierForm.getByLabel('Name').fill(tierName);
  await tierForm.getByLabel('Monthly price').fill('12.50');
  await tierForm.getByLabel('Yearly price').fill('120');
  await tierForm.getByLabel('Currency').fill('EUR');
  await tierForm.getByLabel('Benefits').fill('The archive\nThe quarterly briefing');
  await tierForm.getByRole('button', { name: 'Add tier' }).click();
  const tierRow = desk.getByRole('row').filter({ hasText: tierName });
  await expect(tierRow).toContainText('€12.50');
  const tier = readDemoDatabase((database) => database.prepare('select monthly_price_cents, yearly_price_cents, currency, benefits from membership_tiers where name = ?').get(tierName)) as Record<string, unknown>;
  expect(tier).toEqual({ monthly_price_cents: 1250, yearly_price_cents: 12000, currency: 'eur', benefits: '["The archive","The quarterly briefing"]' });
  await expect(tierRow).toContainText('€120.00');

  await desk.goto('/desk/members');
  const grant = desk.getByRole('form', { name: 'Grant a membership' });
  await grant.getByLabel('Reader’s email').fill(email);
  await grant.getByLabel('Tier').selectOption({ label: tierName });
  await grant.getByLabel('Last day').fill('2099-12-31');
  await grant.getByRole('button', { name: 'Grant membership' }).click();
  await expect(desk.getByRole('status').filter({ hasText: `${email} is a ${tierName} member until 2099-12-31` }).first()).toBeVisible();

  await desk.goto(`/desk/members?q=${encodeURIComponent(email)}`);
  const stored = membershipOf(email)!;
  expect(stored).toMatchObject({ status: 'active', source: 'complimentary', tier: tierName });
  const row = desk.getByRole('row').filter({ hasText: email });
  const cells = row.getByRole('cell');
  await expect(cells.nth(0)).toHaveText(stored.tier);
  await expect(cells.nth(1)).toHaveText('Complimentary');
  await expect(cells.nth(2)).toHaveText('Active');
  await expect(cells.nth(4)).toHaveText('2099-12-31');

  // Filtering by another status hides it; by its tier and status shows only it.
  await desk.goto('/desk/members');
  const filters = desk.getByRole('search', { name: 'Find members' });
  await filters.getByLabel('Tier').selectOption({ label: tierName });
  await filters.getByLabel('Status').selectOption({ label: 'Canceled' });
  await filters.getByRole('button', { name: 'Filter' }).click();
  await expect(desk.getByText('No membership matches these filters.')).toBeVisible();
  await desk.getByRole('search', { name: 'Find members' }).getByLabel('Status').selectOption({ label: 'Active' });
  await desk.getByRole('search', { name: 'Find members' }).getByRole('button', { name: 'Filter' }).click();
  await expect(desk.getByRole('table').getByRole('row').filter({ hasText: '@' })).toHaveCount(1);
  await expect(desk.getByRole('row').filter({ hasText: email })).toBeVisible();

  await desk.getByRole('button', { name: `Cancel the membership of ${email}` }).click();
  await desk.getByRole('alertdialog').getByRole('button', { name: 'Cancel membership' }).click();
  await expect.poll(() => membershipOf(email)?.status).toBe('canceled');
  await desk.goto(`/desk/members?q=${encodeURIComponent(email)}`);
  await expect(desk.getByRole('row').filter({ hasText: email }).getByRole('cell').nth(2)).toHaveText('Canceled');
});

test('an institution with a malformed and an overlapping range shows both errors and saves nothing; a valid one saves and reports its usage', async ({ browser }, testInfo) => {
  test.setTimeout(90_000);
  const run = `${testInfo.retry}${Date.now().toString(36)}`;
  const block = (Date.now() % 0xffff).toString(16);
  const validName = `Harbour Library ${run}`;
  const desk = await newStaffPage(browser, 'admin');

  await desk.goto('/desk/members/institutions');
  const form = () => desk.getByRole('form', { name: 'New institution' });
  await form().getByLabel('Name').fill(validName);
  await form().getByLabel('Seats').fill('25');
  await form().getByLabel('IP ranges').fill(`2001:db8:${block}::/48`);
  await form().getByLabel('Email domains').fill(`harbour-${run}.example.edu`);
  await form().getByLabel('Librarian’s email').fill(`librarian@harbour-${run}.example.edu`);
  await form().getByRole('button', { name: 'Add institution' }).click();
  await expect(desk.getByRole('row').filter({ hasText: validName })).toContainText(`2001:db8:${block}::/48`);
  const saved = readDemoDatabase((database) => database.prepare('select id, seats from institutions where name = ?').get(validName)) as { id: number; seats: number };
  expect(saved.seats).toBe(25);

  const before = institutionCount();
  await form().getByLabel('Name').fill(`Sound University ${run}`);
  await form().getByLabel('IP ranges').fill(`10.0.0.0/33\n2001:db8:${block}:1::/64`);
  await form().getByRole('button', { name: 'Add institution' }).click();
  const rangeError = form().locator('#institution-ranges-error');
  await expect(rangeError).toContainText('Line 1: "10.0.0.0/33"');
  await expect(rangeError).toContainText(`Line 2: 2001:db8:${block}:1::/64 overlaps 2001:db8:${block}::/48 of ${validName}`);
  await expect(form().getByLabel('Name')).toHaveValue(`Sound University ${run}`);
  expect(institutionCount()).toBe(before);

  const database = new Database(DEMO_SERVER.databasePath, { fileMustExist: true });
  try {
    database.pragma('busy_timeout = 5000');
    database.prepare("insert into institution_usage (institution_id, month, views) values (?, '2026-02', 7), (?, '2026-03', 41)").run(saved.id, saved.id);
  } finally {
    database.close();
  }
  await desk.getByRole('link', { name: validName }).click();
  await desk.getByRole('link', { name: 'Usage report' }).click();
  const usage = readDemoDatabase((db) => db.prepare('select month, views from institution_usage where institution_id = ? order by month').all(saved.id)) as { month: string; views: number }[];
  const rows = desk.getByRole('table').getByRole('row').filter({ has: desk.getByRole('rowheader') });
  await expect(rows).toHaveCount(usage.length);
  for (const [index, entry] of usage.entries()) {
    await expect(rows.nth(index).getByRole('rowheader')).toHaveText(entry.month);
    await expect(rows.nth(index).getByRole('cell')).toHaveText(String(entry.views));
  }
  await expect(desk.getByRole('link', { name: 'Download as CSV' })).toHaveAttribute('href', `/api/desk/members/institutions/${saved.id}/usage`);
});
