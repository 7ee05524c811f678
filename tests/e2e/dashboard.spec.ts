import { expect, test, type Locator } from '@playwright/test';
import { signInAs } from './support/staff-session';
import { chooseOption } from './support/desk-controls';

test.describe.configure({ timeout: 60_000 });

const GROUPS = ['My drafts', 'Awaiting review', 'Changes requested', 'Approved', 'Scheduled', 'Recently published'];

/** The number a group's heading ends with ("Recently published 20" → 20). */
async function headingCount(heading: Locator): Promise<number> {
  const text = (await heading.textContent()) ?? '';
  return Number(/(\d+)\s*$/.exec(text.trim())?.[1] ?? Number.NaN);
}

/** The first number in the "All articles" summary ("20 articles." → 20). */
async function summaryCount(summary: Locator): Promise<number> {
  return Number(/\d+/.exec((await summary.textContent()) ?? '')?.[0] ?? Number.NaN);
}

test('the editor sees every workflow group with its count, and a section filter narrows them', async ({ page }) => {
  await signInAs(page, 'editor');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  for (const name of GROUPS) {
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${name} \\d+$`) })).toBeVisible();
  }
  const calendar = page.getByRole('table', { name: /times in/ });
  await expect(calendar.getByRole('columnheader')).toHaveCount(7);

  const published = page.getByRole('heading', { level: 2, name: /^Recently published \d+$/ });
  const publishedBefore = await headingCount(published);
  expect(publishedBefore).toBeGreaterThan(0);
  const allArticles = page.getByRole('region', { name: 'All articles' });
  const summary = allArticles.getByRole('status');
  const totalBefore = await summaryCount(summary);
  await expect(allArticles.getByRole('cell', { name: 'News', exact: true }).first()).toBeVisible();

  const filters = page.getByRole('search', { name: 'Filter articles' });
  await chooseOption(filters, 'Section', 'Features');
  await filters.getByRole('button', { name: 'Filter', exact: true }).click();

  await expect(page).toHaveURL(/\/desk\?(.+&)?section=\d+/);
  await expect(filters.getByRole('combobox', { name: 'Section', exact: true })).toHaveValue('Features');
  await expect(summary).toContainText('match these filters');
  const totalAfter = await summaryCount(summary);
  expect(totalAfter).toBeGreaterThan(0);
  expect(totalAfter).toBeLessThan(totalBefore);
  expect(await headingCount(published)).toBeLessThan(publishedBefore);
  await expect(allArticles.getByRole('cell', { name: 'News', exact: true })).toHaveCount(0);
  const bodyRows = allArticles.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(allArticles.getByRole('cell', { name: 'Features', exact: true })).toHaveCount(await bodyRows.count());

  await filters.getByRole('link', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/desk$/);
  await expect(summary).not.toContainText('match these filters');
});

test('the calendar steps to the next month and back, keeping the filters', async ({ page }) => {
  await signInAs(page, 'editor');
  const calendar = page.getByRole('table', { name: /times in/ });
  const months = page.getByRole('navigation', { name: 'Calendar months' });
  const thisMonth = ((await calendar.locator('caption').textContent()) ?? '').split(':')[0]!;

  await chooseOption(page.getByRole('search', { name: 'Filter articles' }), 'Status', 'Scheduled');
  await page.getByRole('button', { name: 'Filter', exact: true }).click();
  await expect(page).toHaveURL(/status=scheduled/);

  await months.getByRole('link', { name: /Next month/ }).click();
  await expect(page).toHaveURL(/month=\d{4}-\d{2}/);
  await expect(page).toHaveURL(/status=scheduled/);
  await expect(calendar.locator('caption')).not.toContainText(thisMonth);

  await months.getByRole('link', { name: 'This month' }).click();
  await expect(calendar.locator('caption')).toContainText(thisMonth);
});
