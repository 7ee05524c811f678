import Database from 'better-sqlite3';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { mailedLink } from './support/mailed-link';
import { readDemoDatabase } from './support/read-demo-database';
import { DEMO_SERVER } from './support/servers';
import { newStaffPage } from './support/staff-session';

const SLUG = 'syria-chemical-weapons-after-assad';
const PATH = `/articles/${SLUG}`;
const INSTITUTION_ADDRESS = '198.51.100.23';
const stamp = Date.now();
const MEMBER = `member-${stamp}@readers.example`;
const OTHER_TIER = `fellow-${stamp}@readers.example`;

type Block = { type: string; content?: Block[]; text?: string; attrs?: { label?: string } };

/** The published article as the database holds it: title, dek, and the text before and after the members' marker. */
function publishedRecord() {
  return readDemoDatabase((database) => {
    const row = database
      .prepare(`select r.title, r.dek, r.body, a.published_access as access from articles a join revisions r on r.id = a.published_revision_id where r.slug = ?`)
      .get(SLUG) as { title: string; dek: string; body: string; access: string };
    const blocks = (JSON.parse(row.body) as Block).content ?? [];
    const marker = blocks.findIndex((block) => block.type === 'membersStart');
    // An entity mention is an atom whose text is its label.
    const textOf = (block: Block): string => block.text ?? block.attrs?.label ?? (block.content ?? []).map(textOf).join('');
    return {
      title: row.title,
      dek: row.dek,
      access: row.access,
      publicParagraphs: blocks.slice(0, marker).filter((block) => block.type === 'paragraph').map(textOf),
      membersParagraphs: blocks.slice(marker + 1).filter((block) => block.type === 'paragraph').map(textOf),
    };
  });
}

/** Readers, a second tier, their memberships and an institution, written straight to the demo database. */
function addReadersAndInstitution(): void {
  const database = new Database(DEMO_SERVER.databasePath, { fileMustExist: true });
  try {
    database.pragma('busy_timeout = 5000');
    const now = Date.now();
    const memberTier = (database.prepare(`select id from membership_tiers where slug = 'member'`).get() as { id: number }).id;
    const fellowTier = Number(database.prepare(`insert into membership_tiers (slug, name) values (?, 'Fellow')`).run(`fellow-${stamp}`).lastInsertRowid);
    for (const [email, tierId] of [
      [MEMBER, memberTier],
      [OTHER_TIER, fellowTier],
    ] as const) {
      const subscriberId = Number(database.prepare(`insert into subscribers (email, status, confirmed_at) values (?, 'confirmed', ?)`).run(email, now).lastInsertRowid);
      database.prepare(`insert into memberships (subscriber_id, tier_id, source, status, starts_at) values (?, ?, 'complimentary', 'active', ?)`).run(subscriberId, tierId, now - 60_000);
    }
    const institutionId = Number(database.prepare(`insert into institutions (name, slug, tier_id, starts_at) values ('Test Library', ?, ?, ?)`).run(`library-${stamp}`, memberTier, now - 60_000).lastInsertRowid);
    database.prepare(`insert into institution_ip_ranges (institution_id, cidr, family, first, last) values (?, '198.51.100.0/24', 4, 'c6336400', 'c63364ff')`).run(institutionId);
  } finally {
    database.close();
  }
}

async function signInAs(page: Page, email: string): Promise<void> {
  await page.goto('/account');
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your inbox');
  const link = new URL(await mailedLink({ to: email, subject: 'Your link to sign in to Masthead', path: '/account/sign-in?' }));
  await page.goto(link.pathname + link.search);
  await page.getByRole('button', { name: 'Sign in to my account' }).click();
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
}

async function readerPage(browser: Browser, forwardedFor?: string): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {} });
  return context.newPage();
}

/** Every response a reader's client can fetch for the article, besides the page itself: raw HTML, flight data, feeds. */
async function responsesFor(request: APIRequestContext): Promise<Record<string, string>> {
  const html = await request.get(PATH);
  expect(html.headers()['cache-control']).toBe('private, no-store');
  const flight = await request.get(PATH, { headers: { RSC: '1' } });
  expect(flight.headers()['cache-control']).toBe('private, no-store');
  return {
    html: await html.text(),
    flight: await flight.text(),
    rss: await (await request.get('/feed.xml')).text(),
    atom: await (await request.get('/atom.xml')).text(),
    issueFeed: await (await request.get('/issues/2025-03/feed.xml')).text(),
  };
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => addReadersAndInstitution());

test('a reader without a membership, even one naming an institution address, sees only the public part and the ways in', async ({ browser }) => {
  const record = publishedRecord();
  expect(record.access).toBe('tiers');
  // The institution address written by the client, left of the address the trusted proxy saw: ignored.
  const page = await readerPage(browser, `${INSTITUTION_ADDRESS}, 203.0.113.9`);
  await page.goto(PATH);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(record.title);
  await expect(page.locator('.dek')).toHaveText(record.dek);
  const body = page.locator('.article-body');
  for (const text of record.publicParagraphs) await expect(body).toContainText(text);
  await expect(page.getByRole('heading', { name: 'The rest of this article is for members' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Join' })).toBeVisible();
  await expect(page.getByText('Access through your institution')).toBeVisible();
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent())!) as Record<string, unknown>;
  expect(jsonLd).toMatchObject({ isAccessibleForFree: false, hasPart: { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: '.members-content' } });

  const responses = await responsesFor(page.request);
  for (const [name, text] of Object.entries(responses)) {
    for (const paragraph of record.membersParagraphs) expect(text.includes(paragraph.slice(0, 80)), `${name} holds members' text`).toBe(false);
  }
  expect(responses.html).toContain(record.publicParagraphs[0]!.slice(0, 80));
  await page.context().close();
});

test('a member of another tier is signed in but still stops at the public part; nothing more reaches them', async ({ browser }) => {
  const record = publishedRecord();
  const page = await readerPage(browser);
  await signInAs(page, OTHER_TIER);
  await page.goto(PATH);
  await expect(page.getByRole('heading', { name: 'The rest of this article is for members of another tier' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in' })).toHaveCount(0);
  const responses = await responsesFor(page.request);
  for (const [name, text] of Object.entries(responses)) {
    for (const paragraph of record.membersParagraphs) expect(text.includes(paragraph.slice(0, 80)), `${name} holds members' text`).toBe(false);
  }
  await page.context().close();
});

test('a reader at the institution’s address, recorded by the trusted proxy, reads the whole article, and the view is counted', async ({ browser }) => {
  const record = publishedRecord();
  const before = readDemoDatabase((database) => (database.prepare(`select coalesce(sum(u.views), 0) as views from institution_usage u join institutions i on i.id = u.institution_id where i.slug = ?`).get(`library-${stamp}`) as { views: number }).views);
  const page = await readerPage(browser, `${INSTITUTION_ADDRESS}, 127.0.0.1`);
  await page.goto(PATH);
  const body = page.locator('.article-body');
  for (const text of [...record.publicParagraphs, ...record.membersParagraphs]) await expect(body).toContainText(text);
  await expect(page.locator('.access-panel')).toHaveCount(0);
  const after = readDemoDatabase((database) => (database.prepare(`select coalesce(sum(u.views), 0) as views from institution_usage u join institutions i on i.id = u.institution_id where i.slug = ?`).get(`library-${stamp}`) as { views: number }).views);
  expect(after).toBeGreaterThan(before);
  await page.context().close();
});

test('a member of the chosen tier reads the whole article, sent privately', async ({ browser }) => {
  const record = publishedRecord();
  const page = await readerPage(browser);
  await signInAs(page, MEMBER);
  const response = await page.goto(PATH);
  expect(response!.headers()['cache-control']).toBe('private, no-store');
  const body = page.locator('.article-body');
  for (const text of [...record.publicParagraphs, ...record.membersParagraphs]) await expect(body).toContainText(text);
  await expect(page.locator('.access-panel')).toHaveCount(0);
  // The feeds stay the same for everyone: the public part only.
  const rss = await (await page.request.get('/feed.xml')).text();
  for (const paragraph of record.membersParagraphs) expect(rss).not.toContain(paragraph.slice(0, 80));
  await page.context().close();
});

test('the Content API and the outbox carry no members’ text of the article', async ({ browser }) => {
  const record = publishedRecord();
  const admin = await newStaffPage(browser, 'admin');
  const name = `Gate check ${stamp}`;
  await admin.goto('/desk/settings/integrations');
  await admin.getByLabel('Name').fill(name);
  await admin.getByRole('button', { name: 'Add integration' }).click();
  const row = admin.getByRole('row').filter({ hasText: name });
  const key = (await row.getByLabel(`Content API key of ${name}`).textContent())!.trim();
  const answer = await admin.request.get(`/ghost/api/content/posts/slug/${SLUG}/?key=${key}&formats=html,plaintext`);
  expect(answer.status()).toBe(200);
  const text = await answer.text();
  expect(text).toContain(record.publicParagraphs[0]!.slice(0, 40));
  for (const paragraph of record.membersParagraphs) expect(text).not.toContain(paragraph.slice(0, 80));
  const outbox = readDemoDatabase((database) => database.prepare('select text, html from outbox').all() as { text: string; html: string | null }[]);
  for (const message of outbox) {
    for (const paragraph of record.membersParagraphs) expect(`${message.text}${message.html ?? ''}`).not.toContain(paragraph.slice(0, 80));
  }
  await admin.context().close();
});
