import GhostContentAPI from '@tryghost/content-api';
import { expect, test } from '@playwright/test';
import { readDemoDatabase } from './support/read-demo-database';
import { DEMO_SERVER, EMPTY_SERVER } from './support/servers';
import { newStaffPage } from './support/staff-session';

test('an admin adds an integration; Ghost’s own client reads the demo magazine with its key from Node and from a browser on another origin, until the key is revoked', async ({ browser }) => {
  test.setTimeout(60_000);
  const name = `Front end ${Date.now()}`;
  const admin = await newStaffPage(browser, 'admin');
  await admin.goto('/desk/settings');
  await admin.getByRole('link', { name: 'integrations' }).click();
  await expect(admin.getByRole('heading', { name: 'Integrations', level: 1 })).toBeVisible();
  await admin.getByLabel('Name').fill(name);
  await admin.getByRole('button', { name: 'Add integration' }).click();
  await expect(admin.getByRole('status').filter({ hasText: `Added ${name}` })).toBeVisible();
  const row = admin.getByRole('row').filter({ hasText: name });
  const key = (await row.getByLabel(`Content API key of ${name}`).textContent())!.trim();
  expect(key).toMatch(/^[0-9a-f]{26}$/);
  await expect(row.getByRole('link', { name })).toHaveAttribute('href', /\/desk\/settings\/integrations\/\d+$/);

  const api = GhostContentAPI({ url: DEMO_SERVER.url, key, version: 'v5.0' });
  const posts = await api.posts.browse({ limit: 3, include: ['authors', 'tags'] });
  const expected = readDemoDatabase((database) =>
    database
      .prepare(
        `select r.title, r.slug, a.id from articles a join revisions r on r.id = a.published_revision_id
         where a.status = 'published' and a.published_at is not null and (a.embargoed_until is null or a.embargoed_until <= ?)
         order by a.published_at desc, a.id desc limit 3`,
      )
      .all(Date.now()) as { title: string; slug: string; id: number }[],
  );
  expect(posts.map((post) => post.title)).toEqual(expected.map((article) => article.title));
  const bylines = readDemoDatabase((database) =>
    database.prepare('select c.name from published_article_authors p join contributors c on c.id = p.contributor_id where p.article_id = ? order by p.position').all(expected[0]!.id) as { name: string }[],
  );
  expect(posts[0]!.authors!.map((author) => author.name)).toEqual(bylines.map((byline) => byline.name));
  const read = await api.posts.read({ slug: expected[0]!.slug });
  expect(read.html).toBeTruthy();

  // A browser on another origin (the empty server; an asset address, which carries no policy of ours), sending
  // Ghost's Accept-Version header, so the preflight must pass too.
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(`${EMPTY_SERVER.url}/favicon.ico`);
  const fromBrowser = await stranger.evaluate(async ({ url, key: contentKey }) => {
    const response = await fetch(`${url}/ghost/api/content/posts/?key=${contentKey}&limit=1&fields=title`, { headers: { 'Accept-Version': 'v5.0' } });
    return { status: response.status, body: (await response.json()) as { posts: { title: string }[] } };
  }, { url: DEMO_SERVER.url, key });
  expect(fromBrowser.status).toBe(200);
  expect(fromBrowser.body.posts[0]!.title).toBe(expected[0]!.title);

  await row.getByRole('button', { name: `Revoke the key of ${name}` }).click();
  await expect(admin.getByRole('row').filter({ hasText: name })).toContainText('Revoked');
  await expect(api.posts.browse()).rejects.toMatchObject({ name: 'UnauthorizedError', message: 'Unknown Content API Key' });
});
