import { expect, test, type Page } from '@playwright/test';
import { RecordBook } from './support/link-truth';
import { newStaffPage } from './support/staff-session';

// A demo article whose writer tagged every place it names Poland, Tusk, Russia, the treaty and landmines.
const SLUG = 'tusk-says-poland-will-consider-leaving-ottawa-convention';
const KINDS = [
  { kind: 'country', label: 'Countries', segment: 'countries' },
  { kind: 'treaty', label: 'Treaties', segment: 'treaties' },
  { kind: 'person', label: 'People', segment: 'people' },
  { kind: 'organization', label: 'Organizations', segment: 'organizations' },
  { kind: 'topic', label: 'Topics', segment: 'topics' },
] as const;
const DEFAULT_LINKED = ['treaty', 'person', 'organization'];

const book = new RecordBook();
test.afterAll(() => book.close());

type Mentioned = { id: number; kind: string; name: string; href: string; isApproved: boolean; mentions: number };

/** Every entity the published text mentions, with how often, from the published revision in the database. */
function mentionedInPublishedText(slug: string): Mentioned[] {
  const [article] = book.rows("select r.body from articles a join revisions r on r.id = a.published_revision_id where r.slug = ? and a.status = 'published'", slug);
  if (!article) throw new Error(`The demo magazine has no published ${slug}.`);
  const counts = new Map<number, number>();
  const visit = (node: { type?: string; attrs?: { entityId?: number }; content?: unknown[] }) => {
    if (node.type === 'entityMention' && node.attrs?.entityId) counts.set(node.attrs.entityId, (counts.get(node.attrs.entityId) ?? 0) + 1);
    for (const child of node.content ?? []) visit(child as typeof node);
  };
  visit(JSON.parse(article.body));
  return [...counts].map(([id, mentions]) => {
    const [entity] = book.rows('select kind, name, slug, status from entities where id = ?', id);
    const segment = KINDS.find((kind) => kind.kind === entity!.kind)!.segment;
    return { id, kind: entity!.kind, name: entity!.name, href: `/${segment}/${entity!.slug}`, isApproved: entity!.status === 'approved', mentions };
  });
}

function linkedKindsSetting(): string[] {
  const [row] = book.rows("select value from settings where key = 'linkedEntityKinds'");
  return row ? (JSON.parse(row.value) as string[]) : DEFAULT_LINKED;
}

/** Each mentioned entity links from the body exactly once when its kind is linked and it is approved, else never. */
async function expectBodyLinks(page: Page, linkedKinds: string[]): Promise<void> {
  const mentioned = mentionedInPublishedText(SLUG);
  const shown = await page.locator('.article-body a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  const expected = Object.fromEntries(mentioned.map((entity) => [entity.href, linkedKinds.includes(entity.kind) && entity.isApproved ? 1 : 0]));
  const counted = Object.fromEntries(mentioned.map((entity) => [entity.href, shown.filter((href) => href === entity.href).length]));
  expect(counted).toEqual(expected);
  // Unlinked mentions are still there, as marked-up text.
  await expect(page.locator('.article-body .entity-mention')).toHaveCount(mentioned.reduce((sum, entity) => sum + entity.mentions, 0));
}

test('an article links each entity of a linked kind once, at its first mention, and lists its tags by kind at the end', async ({ page }) => {
  const mentioned = mentionedInPublishedText(SLUG);
  // The test means something only if the text repeats names and mentions kinds both linked and not.
  expect(mentioned.some((entity) => entity.mentions > 1 && DEFAULT_LINKED.includes(entity.kind))).toBe(true);
  expect(mentioned.some((entity) => entity.mentions > 1 && !DEFAULT_LINKED.includes(entity.kind))).toBe(true);

  await page.goto(`/articles/${SLUG}`);
  await expectBodyLinks(page, linkedKindsSetting());

  // The tags at the end: one list per kind under its heading, each published tag once, linked to its page.
  const [article] = book.rows("select a.id from articles a join revisions r on r.id = a.published_revision_id where r.slug = ?", SLUG);
  const tags = book.rows(
    'select e.kind, e.name, e.slug, e.status from published_article_entities p join entities e on e.id = p.entity_id where p.article_id = ? order by e.name',
    article!.id,
  );
  const footer = page.locator('footer.article-tags');
  const presentKinds = KINDS.filter((kind) => tags.some((tag) => tag.kind === kind.kind));
  await expect(footer.getByRole('heading', { level: 3 })).toHaveText(presentKinds.map((kind) => kind.label));
  for (const kind of presentKinds) {
    const list = footer.getByRole('list', { name: kind.label });
    const ofKind = tags.filter((tag) => tag.kind === kind.kind);
    await expect(list.getByRole('listitem')).toHaveText(ofKind.map((tag) => tag.name));
    for (const tag of ofKind.filter((candidate) => candidate.status === 'approved')) {
      await expect(list.getByRole('link', { name: tag.name, exact: true })).toHaveAttribute('href', `/${kind.segment}/${tag.slug}`);
    }
  }
});

test('choosing the kinds to link in the settings changes the published article', async ({ page, browser }) => {
  test.setTimeout(60_000);
  const admin = await newStaffPage(browser, 'admin');
  const setCountries = async (isChecked: boolean) => {
    await admin.goto('/desk/settings');
    const group = admin.getByRole('group', { name: 'Link in article text' });
    await group.getByRole('checkbox', { name: 'Countries' }).setChecked(isChecked);
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await expect(admin.getByRole('status')).toContainText('Saved');
  };
  try {
    await setCountries(true);
    expect(linkedKindsSetting()).toEqual(['country', ...DEFAULT_LINKED]);
    await page.goto(`/articles/${SLUG}`);
    await expect(page.locator('.article-body a[href="/countries/poland"]')).toHaveCount(1);
    await expectBodyLinks(page, linkedKindsSetting());
  } finally {
    await setCountries(false);
    await admin.context().close();
  }
  expect(linkedKindsSetting()).toEqual(DEFAULT_LINKED);
  await page.goto(`/articles/${SLUG}`);
  await expect(page.locator('.article-body a[href="/countries/poland"]')).toHaveCount(0);
  await expectBodyLinks(page, DEFAULT_LINKED);
});

test('from the top of the home page, the newest article is at most 5 Tab presses away', async ({ page }) => {
  const newest = book.value(
    "select r.title from articles a join revisions r on r.id = a.published_revision_id where a.status = 'published' and a.published_at is not null order by a.published_at desc, a.id desc limit 1",
  );
  await page.goto('/');
  const reached: string[] = [];
  for (let presses = 1; presses <= 5; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ tag: document.activeElement?.tagName ?? '', text: document.activeElement?.textContent?.trim() ?? '' }));
    reached.push(`${focused.tag} ${focused.text}`);
    if (focused.tag === 'A' && focused.text === newest) return;
  }
  throw new Error(`Five Tab presses reached ${reached.join(' | ')}, never "${newest}".`);
});
