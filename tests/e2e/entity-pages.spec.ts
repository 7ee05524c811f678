import { expect, test } from '@playwright/test';
import { DEMO_SERVER } from './support/servers';

test('a treaty page shows its facts and April 2025 articles, whose tags lead back to it', async ({ page }) => {
  await page.goto('/treaties/mine-ban-treaty');
  await expect(page.getByRole('heading', { level: 1, name: 'Mine Ban Treaty' })).toBeVisible();
  await expect(page.getByText(/^Also known as .*Ottawa Convention/)).toBeVisible();

  const facts = page.getByRole('region', { name: 'Facts' });
  await expect(facts.getByRole('term').filter({ hasText: 'Opened for signature' })).toBeVisible();
  await expect(facts.getByRole('definition').filter({ hasText: '3 December 1997' })).toBeVisible();
  await expect(facts.getByRole('definition').filter({ hasText: /^164 \(as of 1 January 2025\)$/ })).toBeVisible();

  const listed = page.getByRole('region', { name: 'Articles' });
  const fromApril = listed.getByRole('listitem').filter({ hasText: /\bApril 2025\b/ }).first();
  await expect(fromApril).toBeVisible();
  const title = (await fromApril.getByRole('heading', { level: 3 }).textContent())?.trim() ?? '';
  await fromApril.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  const tags = page.locator('footer', { has: page.getByRole('heading', { name: 'In this article' }) });
  await tags.getByRole('link', { name: 'Mine Ban Treaty', exact: true }).click();
  await expect(page).toHaveURL(/\/treaties\/mine-ban-treaty$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Mine Ban Treaty' })).toBeVisible();
});

test('a treaty page offers its RSS feed to readers and to feed readers', async ({ page }) => {
  await page.goto('/treaties/mine-ban-treaty');
  await expect(page.getByRole('link', { name: 'Follow via RSS' })).toHaveAttribute('href', '/treaties/mine-ban-treaty/feed.xml');
  await expect(page.locator('head link[rel="alternate"][type="application/rss+xml"][href$="/treaties/mine-ban-treaty/feed.xml"]')).toHaveAttribute(
    'href',
    `${DEMO_SERVER.url}/treaties/mine-ban-treaty/feed.xml`,
  );
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute('href', `${DEMO_SERVER.url}/treaties/mine-ban-treaty`);
});

test('a country page lists the articles tagged with it and the entities often alongside', async ({ page }) => {
  await page.goto('/countries/russia');
  await expect(page.getByRole('heading', { level: 1, name: 'Russia' })).toBeVisible();
  expect(await page.getByRole('region', { name: 'Articles' }).getByRole('listitem').count()).toBeGreaterThanOrEqual(5);
  await expect(page.getByRole('complementary', { name: 'Often alongside' }).getByRole('link').first()).toBeVisible();
});

test('an entity feed is RSS 2.0 with absolute links to published articles', async ({ request }) => {
  const response = await request.get('/treaties/mine-ban-treaty/feed.xml');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/rss+xml; charset=utf-8');
  expect(response.headers()['cache-control']).toContain('max-age=300');
  const xml = await response.text();
  expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\s*<rss version="2\.0"/i);
  const links = [...xml.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)].map((match) => match[1]);
  expect(links.length).toBeGreaterThan(0);
  for (const link of links) expect(link).toMatch(new RegExp(`^${DEMO_SERVER.url.replace(/\./g, '\\.')}/articles/[a-z0-9-]+$`));
  expect(xml).toMatch(/<title>(<!\[CDATA\[)?Finland Moves to Prepare Withdrawal From the Mine Ban Treaty(\]\]>)?<\/title>/);
});

test('an article page describes itself in JSON-LD, naming the Mine Ban Treaty among its subjects', async ({ page }) => {
  await page.goto('/articles/finland-to-prepare-withdrawal-from-mine-ban-treaty');
  const text = await page.locator('script[type="application/ld+json"]').textContent();
  const data = JSON.parse(text ?? '{}') as {
    '@type': string;
    headline: string;
    about?: { name: string; url: string }[];
    mentions?: { name: string; url: string }[];
  };
  expect(data['@type']).toBe('NewsArticle');
  expect(data.headline).toBe('Finland Moves to Prepare Withdrawal From the Mine Ban Treaty');
  const subjects = [...(data.about ?? []), ...(data.mentions ?? [])];
  expect(subjects).toContainEqual(
    expect.objectContaining({ name: 'Mine Ban Treaty', url: `${DEMO_SERVER.url}/treaties/mine-ban-treaty` }),
  );
});

test('an unknown entity, its feed and a page past the last are 404', async ({ page, request }) => {
  expect((await page.goto('/people/no-such-person'))?.status()).toBe(404);
  expect((await request.get('/people/no-such-person/feed.xml')).status()).toBe(404);
  expect((await page.goto('/treaties/mine-ban-treaty?page=99'))?.status()).toBe(404);
});
