import { expect, test } from '@playwright/test';
import { readDemoDatabase } from './support/read-demo-database';
import { newStaffPage, signInAs } from './support/staff-session';

test.describe.configure({ timeout: 120_000 });
test.use({ viewport: { width: 1366, height: 768 } });

type StoredDoc = { content?: StoredDoc[]; text?: string };
const textOf = (node: StoredDoc): string => node.text ?? (node.content ?? []).map(textOf).join('');

test('an editor writes and publishes a page, and readers see exactly what the database holds at /<slug>', async ({ page }) => {
  const slug = `policy-${Date.now()}`;
  await signInAs(page, 'editor');
  await page.goto('/desk/pages');
  await page.getByLabel('Title', { exact: true }).fill('Our corrections policy');
  await page.getByLabel('Slug').fill(slug);
  await page.getByRole('button', { name: 'Create page' }).click();
  await expect(page).toHaveURL(/\/desk\/pages\/\d+$/);

  const body = page.getByRole('textbox', { name: 'Article text' });
  await body.click();
  await page.keyboard.type('We correct errors quickly and say what changed.');
  await expect(page.getByRole('toolbar', { name: 'Formatting' })).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByRole('button', { name: 'Yes, publish' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Published at /${slug}.` })).toBeVisible();

  const stored = readDemoDatabase((db) => db.prepare('select published_title as title, published_body as body from pages where slug = ?').get(slug) as { title: string; body: string });
  expect(stored.title).toBe('Our corrections policy');
  const storedText = textOf(JSON.parse(stored.body) as StoredDoc);
  expect(storedText).toBe('We correct errors quickly and say what changed.');

  const reader = page;
  await reader.goto(`/${slug}`);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(stored.title);
  await expect(reader.locator('main .article-body')).toHaveText(storedText);
  await expect(reader.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`/${slug}$`));

  const missing = await reader.goto(`/${slug}-nowhere`);
  expect(missing?.status()).toBe(404);
  await expect(reader.getByRole('heading', { name: 'We cannot find that page' })).toBeVisible();
});

test('a link added to the header in the desk shows in the site header as stored', async ({ page }) => {
  const label = `Contact ${Date.now()}`;
  await signInAs(page, 'editor');
  await page.goto('/desk/pages/navigation');
  const header = page.getByRole('region', { name: 'Header', exact: true });
  await header.getByRole('button', { name: 'Add a link' }).click();
  const added = header.getByRole('listitem').last();
  await added.getByLabel('Label').fill(label);
  await added.getByLabel('Address').fill('/about');
  await header.getByRole('button', { name: 'Save header menu' }).click();
  await expect(header.getByRole('status')).toContainText('Saved the header menu');

  const row = readDemoDatabase((db) => db.prepare("select label, href from navigation_items where menu = 'header' order by position desc limit 1").get() as { label: string; href: string });
  expect(row.label).toBe(label);
  await page.goto('/');
  const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: row.label });
  await expect(link).toHaveText(row.label);
  await expect(link).toHaveAttribute('href', row.href);

  // Put the menu back as it was, for the other specs that share this site.
  await page.goto('/desk/pages/navigation');
  await header.getByRole('button', { name: `Remove ${label}` }).click();
  await header.getByRole('button', { name: 'Save header menu' }).click();
  await expect(header.getByRole('status')).toContainText('Saved the header menu');
});

test('an author is refused the pages desk with the reason; an editor is let in', async ({ browser, page }) => {
  const author = await newStaffPage(browser, 'author');
  await author.goto('/desk/pages');
  await expect(author.getByRole('main').getByRole('alert')).toHaveText('Editors and administrators write the site’s standalone pages (About, Masthead, Contact) and its menus. Ask one if something there needs changing.');
  await expect(author.getByRole('button', { name: 'Create page' })).toHaveCount(0);
  await author.context().close();

  await signInAs(page, 'editor');
  await page.goto('/desk/pages');
  await expect(page.getByRole('list', { name: 'Pages' }).getByRole('link', { name: 'About Masthead' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create page' })).toBeVisible();
});
