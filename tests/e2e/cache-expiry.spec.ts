import { expect, test, type Browser, type Page } from '@playwright/test';
import { readDemoDatabase } from './support/read-demo-database';
import { signInAs } from './support/staff-session';

// Each test renames a record and names it back, so the demo magazine is left as it was.
test.describe.configure({ timeout: 90_000 });

test('renaming an entity changes its page and the chips of every article tagged with it, though readers had those pages kept', async ({ browser, page }) => {
  const entity = readOne<{ id: number; name: string; slug: string }>("select id, name, slug from entities where kind = 'organization' and slug = 'icrc'");
  const entityPath = `/organizations/${entity.slug}`;
  const articlePaths = publishedArticlePaths('select a.slug from articles a join published_article_entities p on p.article_id = a.id where p.entity_id = ?', entity.id);
  expect(articlePaths.length).toBeGreaterThan(0);
  const reader = await newReaderPage(browser);
  await expectEntityShown({ reader, entityPath, articlePaths, name: entity.name });

  const renamed = `${entity.name} (Geneva)`;
  await signInAs(page, 'editor');
  await renameEntity({ page, entityId: entity.id, name: renamed });
  try {
    expect(readOne<{ name: string }>('select name from entities where id = ?', entity.id).name).toBe(renamed);
    await expectEntityShown({ reader, entityPath, articlePaths, name: renamed });
  } finally {
    await renameEntity({ page, entityId: entity.id, name: entity.name });
  }
  await expectEntityShown({ reader, entityPath, articlePaths, name: entity.name });
});

test('renaming a section changes its page and the kicker of its articles, though readers had those pages kept', async ({ browser, page }) => {
  const section = readOne<{ id: number; name: string; slug: string }>("select id, name, slug from sections where slug = 'analysis'");
  const sectionPath = `/sections/${section.slug}`;
  const articlePaths = publishedArticlePaths('select slug from articles where published_section_id = ? order by published_at desc limit 3', section.id);
  expect(articlePaths.length).toBeGreaterThan(0);
  const reader = await newReaderPage(browser);
  await expectSectionShown({ reader, sectionPath, articlePaths, name: section.name });

  // Other checks find this section by the word "Analysis"; the new name keeps it.
  const renamed = `${section.name} and Opinion`;
  await signInAs(page, 'editor');
  await renameSection({ page, from: section.name, to: renamed });
  try {
    expect(readOne<{ name: string }>('select name from sections where id = ?', section.id).name).toBe(renamed);
    await expectSectionShown({ reader, sectionPath, articlePaths, name: renamed });
  } finally {
    await renameSection({ page, from: renamed, to: section.name });
  }
  await expectSectionShown({ reader, sectionPath, articlePaths, name: section.name });
});

test('changing the site name changes the masthead, page titles and feed of reader pages that were kept', async ({ browser, page }) => {
  const articlePath = `/articles/${readOne<{ slug: string }>("select slug from articles where status = 'published' order by published_at desc limit 1").slug}`;
  const reader = await newReaderPage(browser);
  await expectSiteNameShown({ reader, articlePath, name: storedSiteName() });

  await signInAs(page, 'admin');
  await setSiteName(page, 'Arms Control Monthly');
  try {
    expect(storedSiteName()).toBe('Arms Control Monthly');
    await expectSiteNameShown({ reader, articlePath, name: 'Arms Control Monthly' });
  } finally {
    await setSiteName(page, 'Masthead');
  }
  await expectSiteNameShown({ reader, articlePath, name: 'Masthead' });
});

test('an empty site name is refused with the reason, and the stored name stays', async ({ page }) => {
  const before = storedSiteName();
  await signInAs(page, 'admin');
  await page.goto('/desk/settings');
  const field = page.getByLabel('Site name');
  await field.evaluate((input: HTMLInputElement) => input.removeAttribute('required'));
  await field.fill('   ');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Give the site a name.').first()).toBeVisible();
  expect(storedSiteName()).toBe(before);
});

async function setSiteName(page: Page, name: string) {
  await page.goto('/desk/settings');
  await page.getByLabel('Site name').fill(name);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
}

/** The name as a reader meets it: the masthead and title of the home page and an article, and the site feed's title. */
async function expectSiteNameShown({ reader, articlePath, name }: { reader: Page; articlePath: string; name: string }) {
  for (const path of ['/', articlePath]) {
    await reader.goto(path);
    await expect(reader.locator('.masthead-title'), path).toHaveText(name);
    expect(await reader.title(), path).toContain(name);
  }
  const feed = await (await reader.request.get('/feed.xml')).text();
  expect(/<channel>\s*<title>([^<]*)<\/title>/.exec(feed)?.[1]).toBe(name);
}

/** The stored setting, or the default when the demo database has never had it set. */
function storedSiteName(): string {
  const row = readDemoDatabase((database) => database.prepare("select value from settings where key = 'siteName'").get() as { value: string } | undefined);
  return row ? (JSON.parse(row.value) as string) : 'Masthead';
}

async function newReaderPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

/** What a reader sees, loaded afresh each time: the entity page's heading and each article's chip for it (not mentions in the text). */
async function expectEntityShown({ reader, entityPath, articlePaths, name }: { reader: Page; entityPath: string; articlePaths: string[]; name: string }) {
  await reader.goto(entityPath);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(name);
  for (const path of articlePaths) {
    await reader.goto(path);
    const chips = await reader.locator(`a[href="${entityPath}"]`).evaluateAll((links) => links.filter((link) => !link.closest('.article-body')).map((link) => link.textContent?.trim()));
    expect(chips, `the chip on ${path}`).toEqual([name]);
  }
}

async function expectSectionShown({ reader, sectionPath, articlePaths, name }: { reader: Page; sectionPath: string; articlePaths: string[]; name: string }) {
  await reader.goto(sectionPath);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(name);
  for (const path of articlePaths) {
    await reader.goto(path);
    await expect(reader.getByRole('article').first().locator('header .kicker'), `the kicker on ${path}`).toHaveText(name);
  }
}

async function renameEntity({ page, entityId, name }: { page: Page; entityId: number; name: string }) {
  await page.goto(`/desk/entities/${entityId}`);
  const details = page.getByRole('region', { name: 'Details' });
  await details.getByLabel('Name', { exact: true }).fill(name);
  await details.getByRole('button', { name: 'Save changes' }).click();
  await expect(details.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
}

async function renameSection({ page, from, to }: { page: Page; from: string; to: string }) {
  await page.goto('/desk/sections');
  await page.getByText(`Rename or describe ${from}`, { exact: true }).click();
  const form = page.getByRole('form', { name: `Edit ${from}` });
  await form.getByLabel('Name', { exact: true }).fill(to);
  await form.getByRole('button', { name: 'Save section' }).click();
  // The saved form is named after the new name at once, so its notice is looked for on the page.
  await expect(page.getByRole('status').filter({ hasText: `Saved ${to}.` })).toBeVisible();
}

function publishedArticlePaths(query: string, id: number): string[] {
  return readDemoDatabase((database) => (database.prepare(query).all(id) as { slug: string }[]).map((row) => `/articles/${row.slug}`));
}

function readOne<T>(query: string, ...parameters: unknown[]): T {
  const row = readDemoDatabase((database) => database.prepare(query).get(...parameters));
  if (!row) throw new Error(`The demo database has no row for: ${query}`);
  return row as T;
}
