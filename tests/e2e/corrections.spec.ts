import { expect, test } from '@playwright/test';

test('a reader opens the corrections page and sees every public correction, or that there are none', async ({ page }) => {
  const response = await page.goto('/corrections');
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle(/^Corrections · Masthead$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Corrections' })).toBeVisible();
  const corrections = page.getByRole('main').getByRole('listitem');
  if ((await corrections.count()) === 0) {
    await expect(page.getByText('No corrections have been published.')).toBeVisible();
  } else {
    // Each correction names its article and links to it, with a dated note.
    await expect(corrections.first().getByRole('link')).toHaveAttribute('href', /^\/articles\/[a-z0-9-]+$/);
    await expect(corrections.first()).toContainText(/(Correction|Clarification|Update), \d{1,2} [A-Z][a-z]+ \d{4}:/);
  }
});

test('a made-up preview link answers 404 with a plain message and is kept out of search engines', async ({ page }) => {
  const response = await page.goto(`/preview/${'x'.repeat(43)}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'This preview link does not work' })).toBeVisible();
  await expect(page.locator('meta[name="robots"][content*="noindex"]').first()).toBeAttached();
  await expect(page.locator('meta[name="robots"]:not([content*="noindex"])')).toHaveCount(0);
  await expect(page.locator('a[href^="/desk"]')).toHaveCount(0);
});
