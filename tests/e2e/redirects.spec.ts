import { expect, test, type Page } from '@playwright/test';
import { readDemoDatabase } from './support/read-demo-database';
import { newStaffPage } from './support/staff-session';

test.use({ viewport: { width: 1366, height: 768 } });

type Published = { id: number; slug: string; title: string };

const publishedArticle = (): Published =>
  readDemoDatabase((database) =>
    database
      .prepare("select a.id, r.slug, r.title from articles a join revisions r on r.id = a.published_revision_id where a.status = 'published' order by a.id limit 1")
      .get() as Published,
  );

const hitsOf = (fromPath: string): number => readDemoDatabase((database) => (database.prepare('select hits from redirects where from_path = ?').get(fromPath) as { hits: number }).hits);

async function addRedirect(desk: Page, from: string, to: string): Promise<void> {
  const form = desk.getByRole('form', { name: 'Add a redirect' });
  await form.getByLabel('Old address').fill(from);
  await form.getByLabel('New address').fill(to);
  await form.getByRole('button', { name: 'Add redirect' }).click();
}

test('an editor adds redirects in the desk; old addresses, WordPress ones too, land on the article and the desk counts the hits', async ({ browser }, testInfo) => {
  test.setTimeout(60_000);
  const article = publishedArticle();
  // New addresses per run, so a retry does not meet the first run's redirects.
  const run = `${testInfo.retry}-${Date.now()}`;
  const oldPath = `/2019/05/moved-${run}`;
  const wordpressId = Date.now() % 1_000_000_000;

  const desk = await newStaffPage(browser, 'editor');
  await desk.goto('/desk/redirects');
  await addRedirect(desk, `${oldPath}/`, `/articles/${article.slug}`);
  await expect(desk.getByRole('row').filter({ hasText: oldPath })).toContainText(`/articles/${article.slug}`);
  await addRedirect(desk, `/?p=${wordpressId}`, `/articles/${article.slug}`);
  await expect(desk.getByRole('row').filter({ hasText: `/?p=${wordpressId}` })).toBeVisible();

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`${oldPath}/`);
  await expect(reader).toHaveURL(new RegExp(`/articles/${article.slug}$`));
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(article.title);
  await reader.goto(`${oldPath.toUpperCase()}?utm_source=newsletter`);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(article.title);
  await reader.goto(`/?p=${wordpressId}`);
  await expect(reader).toHaveURL(new RegExp(`/articles/${article.slug}$`));
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(article.title);

  await desk.goto(`/desk/redirects?q=${encodeURIComponent(`moved-${run}`)}`);
  const row = desk.getByRole('row').filter({ hasText: oldPath });
  const hits = hitsOf(oldPath);
  expect(hits).toBe(2);
  await expect(row.getByRole('cell').nth(3)).toHaveText(String(hits));
  await expect(row.getByRole('cell').nth(4)).not.toHaveText('Never');

  // Removing asks first; afterwards the old address is just missing (to a browser that has not kept the 301).
  await row.getByRole('button', { name: `Remove the redirect from ${oldPath}` }).click();
  const dialog = desk.getByRole('alertdialog', { name: 'Remove this redirect?' });
  await dialog.getByRole('button', { name: 'Remove redirect' }).click();
  await expect(desk.getByRole('row').filter({ hasText: oldPath })).toHaveCount(0);
  const fresh = await (await browser.newContext()).newPage();
  const gone = await fresh.goto(`${oldPath}/`);
  expect(gone?.status()).toBe(404);
});
