import { expect, test, type Page } from '@playwright/test';
import { makePng } from './support/make-image';
import { newStaffPage } from './support/staff-session';
import {
  expectFeedMatchesRecords,
  expectListMatchesRecords,
  expectSitemapMatchesRecords,
  formatDate,
  RecordBook,
  type ListCheck,
  type PublicArticle,
} from './support/link-truth';

// Every list a person reads is checked item by item against the record its link points to.
const book = new RecordBook();

/** How a reader-site article list (home, section, author, entity, search) shows each article. */
const ARTICLE_LIST: Omit<ListCheck, 'resolve'> = {
  facts: { dek: '.dek', authors: '.byline a', section: '.kicker', publishedAt: 'time@datetime', date: 'time' },
};

const RETITLED = { slug: 'new-start-final-year-without-talks', title: 'New START, Retitled in the Working Copy Only', dek: 'A dek no reader has seen.' };
const CORRECTED = { slug: 'us-iran-talks-begin-in-oman', note: 'An earlier version misstated the date of the first round.' };

test.afterAll(() => book.close());

test.describe('the check itself', () => {
  test('passes a hand-made list whose rows show their own articles, and fails when one row shows another article’s text', async ({ page }) => {
    const articles = ['what-a-us-iran-deal-would-need', 'new-start-final-year-without-talks', 'nuclear-testing-moratorium-under-pressure'].map((slug) => {
      const article = book.publicArticle(slug);
      if (!article) throw new Error(`The demo magazine has no published ${slug}.`);
      return article;
    });
    const row = (article: PublicArticle, shown: { title: string; dek: string }) =>
      `<li><p class="kicker">${article.section}</p><h3><a href="/articles/${article.slug}">${shown.title}</a></h3><p class="dek">${shown.dek}</p>` +
      `<p class="meta"><span class="byline">By ${article.authors.map((name) => `<a href="/authors/x">${name}</a>`).join(' and ')}</span> ` +
      `<time datetime="${article.publishedAt}">${formatDate(Date.parse(article.publishedAt))}</time></p></li>`;
    const render = (rows: string[]) => page.setContent(`<main><ul class="article-list">${rows.join('')}</ul></main>`);
    const list = page.locator('ul.article-list');
    const check = { ...ARTICLE_LIST, resolve: book.publicPage };
    const [first, second, third] = articles as [PublicArticle, PublicArticle, PublicArticle];

    await render([row(first, first), row(second, second), row(third, third)]);
    expect(await expectListMatchesRecords(list, check)).toBe(3);

    // The search bug's shape: the second row keeps its link but shows the first row's title.
    await render([row(first, first), row(second, { title: first.title, dek: second.dek }), row(third, third)]);
    await expect(expectListMatchesRecords(list, check)).rejects.toThrow(/item 2 \(\/articles\/new-start-final-year-without-talks\): does not match article \d+ .*shows title "What a U\.S\.-Iran/);

    await render([row(first, first), row(second, second), row(third, { title: third.title, dek: second.dek })]);
    await expect(expectListMatchesRecords(list, check)).rejects.toThrow(/item 3 .*shows dek/);

    await render([]);
    await expect(expectListMatchesRecords(list, check)).rejects.toThrow('Expected at least 1 items in the list, found 0.');
  });
});

test.describe('lists', () => {
  let editor: Page;
  let author: Page;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    editor = await newStaffPage(browser, 'editor');
    author = await newStaffPage(browser, 'author');
    // Each step happens once per demo database, so a restarted worker finds the same lists.
    // A working copy edited after publication: readers must still see the published title, the desk the new one.
    const retitled = articleId(RETITLED.slug);
    if (book.value('select title from articles where id = ?', retitled) !== RETITLED.title) {
      await saveWorkingCopy(editor, retitled, { title: RETITLED.title, dek: RETITLED.dek });
    }
    // A republication with a public correction note, for /corrections and the article's history.
    const corrected = articleId(CORRECTED.slug);
    if (book.value('select count(*) from article_corrections where article_id = ?', corrected) === '0') {
      await saveWorkingCopy(editor, corrected, { dek: 'Washington and Tehran open indirect talks in Muscat, with Oman carrying messages between the delegations.' });
      await workflow(editor, corrected, { action: 'update', correction: { kind: 'correction', note: CORRECTED.note } });
    }
    // Notifications (and their emails) for both inboxes and the outbox.
    const [sentBack] = book.rows("select a.id from articles a join users u on u.id = a.created_by where u.email = 'author@demo.masthead' and a.status = 'approved'");
    if (sentBack) await workflow(editor, Number(sentBack.id), { action: 'request_changes', note: 'Please add the date of the next round.' });
    // A demo draft that is ready for review: other tests leave bare drafts of their own.
    const [submitted] = book.rows(
      "select a.id from articles a join users u on u.id = a.created_by where u.email = 'editor@demo.masthead' and a.status = 'draft' and a.dek <> '' and a.section_id is not null and exists (select 1 from article_entities t where t.article_id = a.id) order by a.id limit 1",
    );
    if (submitted) await workflow(editor, Number(submitted.id), { action: 'submit' });
    if (book.value('select count(*) from media') === '0') {
      await uploadImage(editor, { name: 'quay.png', alt: 'Ships moored at a quay', caption: 'The quay at Klaipeda' });
      await uploadImage(editor, { name: 'hall.png', alt: 'Delegates in a conference hall', caption: 'The preparatory session in New York' });
    }
  });

  test.afterAll(async () => {
    await editor?.context().close();
    await author?.context().close();
  });

  test('home: the current issue, the latest articles and the most covered entities', async ({ page }) => {
    await page.goto('/');
    await expectListMatchesRecords(page.locator('section.current-issue ul.article-list'), { ...ARTICLE_LIST, resolve: book.publicPage });
    await expectListMatchesRecords(page.locator('section[aria-labelledby="latest-title"] ul.article-list'), { ...ARTICLE_LIST, resolve: book.publicPage, minimum: 5 });
    await expectListMatchesRecords(page.locator('ol.chip-list'), { resolve: book.publicPage });
    await expect(page.getByRole('link', { name: RETITLED.title })).toHaveCount(0);
  });

  test('the issue archive and an issue’s table of contents', async ({ page }) => {
    await page.goto('/issues');
    await expectListMatchesRecords(page.locator('main'), {
      resolve: book.publicPage,
      items: 'ul.issue-list > li',
      title: 'a > span:not(.meta):not([aria-hidden])',
      facts: { volume: '.meta' },
      minimum: 3,
    });
    await page.goto('/issues/2025-04');
    await expectListMatchesRecords(page.getByRole('navigation', { name: 'Table of contents' }), {
      resolve: book.publicPage,
      link: 'h3 a',
      facts: { dek: '.dek', authors: '.byline a' },
      minimum: 10,
    });
  });

  test('a section, an author and an entity page list their own articles', async ({ page }) => {
    const listing = { ...ARTICLE_LIST, resolve: book.publicPage, facts: { dek: '.dek', authors: '.byline a', publishedAt: 'time@datetime', date: 'time' } };
    await page.goto('/sections/analysis');
    await expectListMatchesRecords(page.locator('section[aria-labelledby="listing-articles-title"] ul.article-list'), { ...listing, minimum: 3 });

    const busiest = book.value('select c.slug from published_article_authors p join contributors c on c.id = p.contributor_id group by c.id order by count(*) desc limit 1');
    await page.goto(`/authors/${busiest}`);
    await expectListMatchesRecords(page.locator('section[aria-labelledby="listing-articles-title"] ul.article-list'), { ...ARTICLE_LIST, resolve: book.publicPage, minimum: 2 });

    const treaty = book.value(
      "select e.slug from published_article_entities p join entities e on e.id = p.entity_id where e.kind = 'treaty' group by e.id order by count(*) desc limit 1",
    );
    await page.goto(`/treaties/${treaty}`);
    await expectListMatchesRecords(page.locator('section[aria-labelledby="entity-articles-title"] ul.article-list'), { ...ARTICLE_LIST, resolve: book.publicPage, minimum: 3 });
    await expectListMatchesRecords(page.locator('aside[aria-labelledby="entity-related-title"] ul'), { resolve: book.publicPage, minimum: 2 });
  });

  test('an article’s related and more-from-the-issue lists', async ({ page }) => {
    await page.goto('/articles/nuclear-testing-moratorium-under-pressure');
    const compact = { resolve: book.publicPage, facts: { dek: '.compact-dek', section: '.kicker' } };
    await expectListMatchesRecords(page.locator('section[aria-labelledby="related-title"] ul.compact-list'), compact);
    await expectListMatchesRecords(page.locator('section[aria-labelledby="from-issue-title"] ul.compact-list'), { ...compact, minimum: 3 });
  });

  test('search results for several queries', async ({ page }) => {
    for (const query of ['treaty', 'Iran', 'mine ban', 'nuclear talks']) {
      await page.goto(`/search?q=${encodeURIComponent(query)}`);
      const results = page.locator('main ol:has(> li h2 a[href^="/articles/"])');
      await expectListMatchesRecords(results, { ...ARTICLE_LIST, link: 'h2 a', minimum: 2, resolve: book.publicPage });
    }
  });

  test('corrections name the article each note belongs to', async ({ page }) => {
    await page.goto('/corrections');
    await expectListMatchesRecords(page.locator('main ol'), { resolve: book.correction, facts: { note: 'li > p', createdAt: 'time@datetime' } });
    await expect(page.locator('main ol > li').filter({ hasText: CORRECTED.note }).getByRole('link')).toHaveAttribute('href', `/articles/${CORRECTED.slug}`);
  });

  test('feeds and the sitemap name each article with its own title, link and dates', async ({ request }) => {
    const country = book.value(
      "select e.slug from published_article_entities p join entities e on e.id = p.entity_id where e.kind = 'country' group by e.id order by count(*) desc limit 1",
    );
    for (const address of ['/feed.xml', '/atom.xml', `/countries/${country}/feed.xml`, '/issues/2025-04/feed.xml', '/sections/news/feed.xml']) {
      const response = await request.get(address);
      expect(response.status(), address).toBe(200);
      expect(await expectFeedMatchesRecords({ xml: await response.text(), book, minimum: 3 })).toBeGreaterThanOrEqual(3);
    }
    const sitemap = await request.get('/sitemap.xml');
    expect(expectSitemapMatchesRecords({ xml: await sitemap.text(), book })).toBeGreaterThan(20);
  });

  test('the desk dashboard’s queues and article lists show each article’s working copy', async () => {
    const queue = { resolve: book.deskArticle, mentions: ['authors', 'section', 'issue'] };
    // Other browser tests move their own articles through the workflow meanwhile: a page read just before such a
    // move is read again, and only a page that never matches the records fails.
    await expect(async () => {
      await editor.goto('/desk');
      await expectListMatchesRecords(editor.locator('#awaiting-review ul'), { ...queue, facts: { updatedAt: 'p.meta time@datetime' } });
      await expectListMatchesRecords(editor.locator('#approved ul'), { ...queue, facts: { updatedAt: 'p.meta time@datetime' } });
      await expectListMatchesRecords(editor.locator('#recently-published ul'), { ...queue, facts: { publishedAt: 'p.meta time@datetime' }, minimum: 3 });
    }).toPass({ timeout: 30_000 });
    const table: ListCheck = {
      resolve: book.deskArticle,
      items: 'tbody tr',
      facts: { status: 'td:nth-child(2) .status', authorLine: 'td:nth-child(3)', updatedAt: 'td:last-child time@datetime' },
      mentions: ['section', 'issue'],
    };
    await expect(async () => {
      await editor.goto('/desk');
      await expectListMatchesRecords(editor.locator('#all-articles table'), { ...table, minimum: 20 });
    }).toPass({ timeout: 30_000 });
    await expect(editor.locator('#all-articles').getByRole('link', { name: RETITLED.title })).toHaveCount(1);
    for (const filter of ['status=published', 'status=approved', `section=${book.value("select id from sections where slug = 'analysis'")}`]) {
      await expect(async () => {
        await editor.goto(`/desk?${filter}`);
        await expectListMatchesRecords(editor.locator('#all-articles table'), table);
      }).toPass({ timeout: 30_000 });
    }
    await author.goto('/desk');
    await expectListMatchesRecords(author.locator('#my-drafts ul'), { ...queue, facts: { status: '.status', updatedAt: 'p.meta time@datetime' } });
  });

  test('the inbox, the outbox and the media library', async ({ browser }) => {
    await author.goto('/desk/inbox');
    await expectListMatchesRecords(author.getByRole('list', { name: 'Notifications' }), {
      resolve: book.notificationFor('author@demo.masthead'),
      facts: { createdAt: 'time@datetime' },
    });
    // The editor's own submission is news to the other editors: the administrator's inbox has it.
    const admin = await newStaffPage(browser, 'admin');
    await admin.goto('/desk/inbox');
    await expectListMatchesRecords(admin.getByRole('list', { name: 'Notifications' }), {
      resolve: book.notificationFor('admin@demo.masthead'),
      facts: { createdAt: 'time@datetime' },
    });
    await admin.context().close();
    await editor.goto('/desk/outbox');
    await expectListMatchesRecords(editor.locator('main table'), {
      resolve: book.outboxMessage,
      items: 'tbody tr',
      link: 'summary',
      facts: { to: 'td:nth-child(2)', kind: 'td:nth-child(3) > .meta', text: 'details > pre:last-of-type', status: 'td:nth-child(1) .status' },
      minimum: 2,
    });
    await editor.goto('/desk/media');
    await expectListMatchesRecords(editor.locator('section[aria-labelledby="library-heading"] ul'), { resolve: book.media, link: 'img', facts: { details: 'dd' }, minimum: 2 });
  });

  test('an article’s history lists its own revisions', async () => {
    await editor.goto(`/desk/articles/${articleId(CORRECTED.slug)}/history`);
    const rows = await expectListMatchesRecords(editor.getByRole('form', { name: 'Revisions' }), {
      resolve: book.revision,
      items: 'tbody tr',
      link: 'a[href*="view="]',
      facts: { id: 'input[name="to"]@value', version: 'td:nth-child(3)', what: 'td:nth-child(4)', who: 'td:nth-child(5)', words: 'td:nth-child(7)' },
      minimum: 3,
    });
    expect(rows).toBe(Number(book.value('select count(*) from revisions where article_id = ?', articleId(CORRECTED.slug))));
    await expect(editor.locator('tbody')).toContainText(CORRECTED.note);
  });
});

function articleId(slug: string): number {
  return Number(book.value('select id from articles where slug = ?', slug));
}

/** Calls a desk API from inside the signed-in page, as the editor's own scripts do (same origin, same cookies). */
async function deskRequest(page: Page, { path, method = 'GET', body }: { path: string; method?: string; body?: unknown }) {
  const answer = await page.evaluate(
    async ({ path, method, body }) => {
      const response = await fetch(path, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: response.status, json: await response.json() };
    },
    { path, method, body },
  );
  expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.json)}`).toBe(200);
  return answer.json;
}

async function saveWorkingCopy(page: Page, id: number, changes: { title?: string; dek?: string }): Promise<void> {
  const { article } = await deskRequest(page, { path: `/api/desk/articles/${id}` });
  await deskRequest(page, {
    path: `/api/desk/articles/${id}`,
    method: 'PUT',
    body: {
      title: article.title,
      dek: article.dek,
      slug: article.slug,
      body: article.body,
      sectionId: article.sectionId,
      issueId: article.issueId,
      authorContributorIds: article.authors.map((contributor: { id: number }) => contributor.id),
      seoTitle: article.seoTitle,
      seoDescription: article.seoDescription,
      featuredMediaId: article.featuredImage?.id ?? null,
      baseVersion: article.version,
      reason: 'save',
      ...changes,
    },
  });
}

async function workflow(page: Page, id: number, body: Record<string, unknown>): Promise<void> {
  await deskRequest(page, { path: `/api/desk/articles/${id}/workflow`, method: 'POST', body });
}

async function uploadImage(page: Page, { name, alt, caption }: { name: string; alt: string; caption: string }): Promise<void> {
  await page.goto('/desk/media');
  const upload = page.getByRole('region', { name: 'Upload an image' });
  await upload.getByLabel(/^Image/).setInputFiles({ name, mimeType: 'image/png', buffer: await makePng({ width: 640, height: 480 }) });
  await upload.getByLabel(/^Alt text/).fill(alt);
  await upload.getByLabel('Caption').fill(caption);
  await upload.getByRole('button', { name: 'Upload' }).click();
  await expect(upload.getByText(`Uploaded ${name}.`)).toBeVisible();
}
