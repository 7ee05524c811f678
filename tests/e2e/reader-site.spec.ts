import { expect, test } from '@playwright/test';
import { DEMO_SERVER } from './support/servers';

test('the home page shows the current issue, April 2025, and the latest articles', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'April 2025' })).toBeVisible();
  await expect(page.getByText('Volume 8, Number 3')).toBeVisible();
  const latest = page.getByRole('region', { name: 'Latest' });
  await expect(latest.getByRole('listitem').first()).toBeVisible();
});

test('an issue page lists its contents by section', async ({ page }) => {
  await page.goto('/issues/2025-04');
  await expect(page.getByRole('heading', { level: 1, name: 'April 2025' })).toBeVisible();
  for (const section of ['News', 'Features', 'Analysis']) {
    await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
  }
  expect(await page.getByRole('article').getByRole('link').count()).toBeGreaterThanOrEqual(8);
});

test('an article renders with title, byline, date and body from the server', async ({ page, browser }) => {
  await page.goto('/issues/2025-04');
  const first = page.getByRole('region', { name: 'News' }).getByRole('heading', { level: 3 }).first();
  const title = (await first.textContent())?.trim() ?? '';
  await first.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(/^By /)).toBeVisible();
  await expect(page.locator('time')).toBeVisible();
  expect(await page.locator('.article-body p').count()).toBeGreaterThan(2);

  // Canonical and OpenGraph addresses are absolute, on the configured SITE_URL.
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`^${DEMO_SERVER.url.replace(/\./g, '\\.')}/articles/[a-z0-9-]+$`));

  // The first mention of each tagged entity links to its page.
  const firstMention = page.locator('.article-body a.entity-mention').first();
  await expect(firstMention).toHaveAttribute('href', /^\/(countries|treaties|people|organizations|topics)\/[a-z0-9-]+$/);
  const hrefs = await page.locator('.article-body a.entity-mention').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  expect(new Set(hrefs).size).toBe(hrefs.length);

  // The body is in the HTML the server sends, not built by scripts in the browser.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const bare = await context.newPage();
  await bare.goto(page.url());
  await expect(bare.getByRole('heading', { level: 1, name: title })).toBeVisible();
  expect(await bare.locator('.article-body p').count()).toBeGreaterThan(2);
  await context.close();
});

test('an unknown article or issue is a 404', async ({ page }) => {
  expect((await page.goto('/articles/no-such-article'))?.status()).toBe(404);
  expect((await page.goto('/issues/1999-01'))?.status()).toBe(404);
});

test('the health check reports the database answering', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ ok: true, database: 'ok' });
});
