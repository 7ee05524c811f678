import http from 'node:http';
import type { AddressInfo } from 'node:net';
import GhostContentAPI from '@tryghost/content-api';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles, contributors, entities, navigationItems, pages, revisions, sections } from '@/db/schema';
import { GET, OPTIONS } from '@/app/ghost/api/content/[...path]/route';
import { answerContentRequest } from '@/lib/api/content/answer-content-request';
import { toContentId } from '@/lib/api/content/content-ids';
import { createIntegration, revokeIntegration } from '@/lib/api/integrations/integrations';
import { createTestArticle, createTestSection, paragraphDoc } from '../factories/article';
import { createTestEntity } from '../factories/entity';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

const PREFIX = '/ghost/api/content/';
let server: http.Server;
let baseUrl = '';

// The route handler behind a real port, so the real client talks HTTP to it as it would to Ghost.
beforeAll(async () => {
  server = http.createServer(async (incoming, outgoing) => {
    const url = new URL(incoming.url ?? '/', baseUrl);
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === 'string') headers.set(name, value);
    const request = new Request(url, { method: incoming.method, headers });
    const path = url.pathname.startsWith(PREFIX) ? url.pathname.slice(PREFIX.length).split('/').filter(Boolean).map(decodeURIComponent) : ['-'];
    const response = incoming.method === 'OPTIONS' ? OPTIONS(request) : await GET(request, { params: Promise.resolve({ path }) });
    outgoing.writeHead(response.status, Object.fromEntries(response.headers.entries()));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function client(key: string) {
  return GhostContentAPI({ url: baseUrl, key, version: 'v5.0' });
}

function newKey(name = 'Front end'): string {
  const result = createIntegration({ name, actorId: null });
  if (!result.ok) throw new Error(result.error);
  return result.integration.contentKey;
}

function revisionOf(articleId: number) {
  const article = getDb().select().from(articles).where(eq(articles.id, articleId)).get()!;
  return getDb().select().from(revisions).where(eq(revisions.id, article.publishedRevisionId!)).get()!;
}

describe('the Content API through the Ghost client', () => {
  let key = '';
  beforeEach(() => {
    key = newKey();
  });

  it('browses posts newest first, a page at a time, with Ghost’s pagination', async () => {
    const oldest = createTestArticle({ title: 'Oldest piece', publishedAt: new Date('2024-01-05T10:00:00Z') });
    const middle = createTestArticle({ title: 'Middle piece', publishedAt: new Date('2024-02-05T10:00:00Z') });
    const newest = createTestArticle({ title: 'Newest piece', publishedAt: new Date('2024-03-05T10:00:00Z') });
    const api = client(key);
    const first = await api.posts.browse({ limit: 2 });
    expect(first.map((post) => post.title)).toEqual([revisionOf(newest.id).title, revisionOf(middle.id).title]);
    expect(first.meta.pagination).toEqual({ page: 1, limit: 2, pages: 2, total: 3, next: 2, prev: null });
    const second = await api.posts.browse({ limit: 2, page: 2 });
    expect(second.map((post) => post.slug)).toEqual([oldest.slug]);
    expect(second.meta.pagination).toMatchObject({ page: 2, next: null, prev: 1 });
    expect(first[0]).toMatchObject({ id: toContentId('post', newest.id), url: expect.stringMatching(new RegExp(`/articles/${newest.slug}$`)), visibility: 'public', published_at: '2024-03-05T10:00:00.000+00:00' });
    expect(first[0]!.id).toMatch(/^[0-9a-f]{24}$/);
  });

  it('reads a post by slug and by id with the published text, never later edits to the working copy', async () => {
    const article = createTestArticle({ title: 'Verification regimes', text: 'Inspectors counted the warheads.' });
    getDb().update(articles).set({ title: 'Unpublished edit', body: paragraphDoc('Draft words only.') }).where(eq(articles.id, article.id)).run();
    const api = client(key);
    const bySlug = await api.posts.read({ slug: article.slug }, { formats: ['html', 'plaintext'] });
    expect(bySlug.title).toBe('Verification regimes');
    expect(bySlug.html).toContain('<p>Inspectors counted the warheads.</p>');
    expect(bySlug.html).not.toContain('Draft words only.');
    expect(bySlug.plaintext).toBe(revisionOf(article.id).bodyText);
    const byId = await api.posts.read({ id: bySlug.id! });
    expect(byId.slug).toBe(article.slug);
  });

  it('never shows drafts, embargoed or withdrawn articles, by list or by slug', async () => {
    createTestArticle({ title: 'Public piece' });
    const draft = createTestArticle({ title: 'Draft piece', status: 'draft' });
    const embargoed = createTestArticle({ title: 'Embargoed piece' });
    getDb().update(articles).set({ embargoedUntil: new Date(Date.now() + 86_400_000) }).where(eq(articles.id, embargoed.id)).run();
    const withdrawn = createTestArticle({ title: 'Withdrawn piece' });
    getDb().update(articles).set({ status: 'unpublished' }).where(eq(articles.id, withdrawn.id)).run();
    const api = client(key);
    const list = await api.posts.browse({ limit: 'all' });
    expect(list.map((post) => post.title)).toEqual(['Public piece']);
    expect(list.meta.pagination.limit).toBe('all');
    for (const hidden of [draft, embargoed, withdrawn]) {
      await expect(api.posts.read({ slug: hidden.slug })).rejects.toMatchObject({ name: 'NotFoundError', message: 'Post not found.' });
    }
  });

  it('filters by tag, author and date, and includes authors and tags as the database names them', async () => {
    const writer = await createTestStaff();
    const other = await createTestStaff();
    const analysis = createTestSection('Analysis');
    const treaty = createTestEntity({ kind: 'treaty', name: 'New START', facts: { enteredIntoForce: '2011-02-05' } });
    const tagged = createTestArticle({ title: 'Treaty piece', sectionId: analysis, entityIds: [treaty.id], authorContributorIds: [writer.contributorId, other.contributorId], publishedAt: new Date('2024-06-01T09:00:00Z') });
    createTestArticle({ title: 'Untagged piece', authorContributorIds: [other.contributorId], publishedAt: new Date('2023-06-01T09:00:00Z') });
    const api = client(key);

    const byEntity = await api.posts.browse({ filter: `tag:${treaty.slug}`, include: ['authors', 'tags'] });
    expect(byEntity.map((post) => post.title)).toEqual(['Treaty piece']);
    const post = byEntity[0]!;
    expect(post.authors!.map((author) => author.name)).toEqual([writer.name, other.name]);
    expect(post.primary_author!.name).toBe(writer.name);
    const sectionSlug = getDb().select().from(sections).where(eq(sections.id, analysis)).get()!.slug;
    expect(post.tags!.map((tag) => tag.name)).toEqual(['Analysis', 'New START']);
    expect(post.primary_tag!.slug).toBe(sectionSlug);
    expect(post.tags![1]).toMatchObject({ slug: treaty.slug, masthead_type: 'treaty', masthead_facts: { enteredIntoForce: '2011-02-05' } });

    expect((await api.posts.browse({ filter: `tags:[${sectionSlug},nothing]` })).map((item) => item.title)).toEqual(['Treaty piece']);
    expect((await api.posts.browse({ filter: `authors.slug:${getSlug(writer.contributorId)}` })).map((item) => item.slug)).toEqual([tagged.slug]);
    expect((await api.posts.browse({ filter: `author:${getSlug(other.contributorId)}` })).map((item) => item.title)).toEqual(['Treaty piece', 'Untagged piece']);
    expect((await api.posts.browse({ filter: "published_at:>'2024-01-01 00:00:00'" })).map((item) => item.title)).toEqual(['Treaty piece']);
    expect((await api.posts.browse({ filter: "published_at:<='2024-01-01'" })).map((item) => item.title)).toEqual(['Untagged piece']);
    expect((await api.posts.browse({ filter: `tag:-${treaty.slug}` })).map((item) => item.title)).toEqual(['Untagged piece']);
    expect((await api.posts.browse({ filter: `tag:${treaty.slug},published_at:<'2024-01-01'`, order: 'title asc' })).map((item) => item.title)).toEqual(['Treaty piece', 'Untagged piece']);
    expect(await api.posts.browse({ filter: 'featured:true' })).toHaveLength(0);
  });

  it('gives only the fields asked for', async () => {
    const article = createTestArticle({ title: 'Lean answer' });
    const [post] = await client(key).posts.browse({ fields: ['title', 'url'] });
    expect(post).toEqual({ title: 'Lean answer', url: expect.stringMatching(new RegExp(`/articles/${article.slug}$`)) });
  });

  it('answers a filter it cannot read with a 400 that says why', async () => {
    await expect(client(key).posts.browse({ filter: "published_at:>'2024" })).rejects.toMatchObject({ name: 'BadRequestError', message: 'Error parsing filter', context: expect.stringMatching(/closing quote/) });
    await expect(client(key).posts.browse({ filter: 'colour:blue' })).rejects.toMatchObject({ name: 'BadRequestError', context: expect.stringMatching(/"colour" cannot be filtered on/) });
    await expect(client(key).posts.browse({ order: 'body desc' })).rejects.toMatchObject({ name: 'BadRequestError', context: expect.stringMatching(/"body" cannot be ordered by/) });
  });

  it('lists sections and approved entities as tags, and only authors with published work', async () => {
    const writer = await createTestStaff();
    await createTestStaff();
    const news = createTestSection('News');
    const country = createTestEntity({ kind: 'country', name: 'Kazakhstan', facts: { iso: 'KZ' } });
    const pending = createTestEntity({ kind: 'person', name: 'Pending Person' });
    getDb().update(entities).set({ status: 'pending' }).where(eq(entities.id, pending.id)).run();
    createTestArticle({ sectionId: news, entityIds: [country.id], authorContributorIds: [writer.contributorId] });
    const api = client(key);
    const tags = await api.tags.browse({ limit: 'all', include: 'count.posts' });
    expect(tags.map((tag) => [tag.name, tag.masthead_type, tag.count?.posts])).toEqual([
      ['Kazakhstan', 'country', 1],
      ['News', 'section', 1],
    ]);
    expect(await api.tags.read({ slug: country.slug })).toMatchObject({ name: 'Kazakhstan', masthead_facts: { iso: 'KZ' }, id: toContentId('entity', country.id) });
    const authors = await api.authors.browse({ include: 'count.posts' });
    expect(authors.map((author) => [author.name, author.count?.posts])).toEqual([[writer.name, 1]]);
    expect((await api.authors.read({ id: authors[0]!.id! })).slug).toBe(getSlug(writer.contributorId));
  });

  it('serves published pages from their published columns, and the site settings with navigation', async () => {
    const body = paragraphDoc('Who we are.');
    getDb().insert(pages).values({ slug: 'about', title: 'About (draft edit)', body: paragraphDoc('Unpublished draft.'), status: 'published', publishedTitle: 'About us', publishedBody: body, publishedAt: new Date('2024-01-01T00:00:00Z') }).run();
    getDb().insert(pages).values({ slug: 'secret', title: 'Secret', body, status: 'draft' }).run();
    getDb().insert(navigationItems).values([
      { menu: 'header', label: 'About', href: '/about', position: 0 },
      { menu: 'footer', label: 'Contact', href: 'https://example.org/contact', position: 0 },
    ]).run();
    const api = client(key);
    const list = await api.pages.browse();
    expect(list.map((page) => page.title)).toEqual(['About us']);
    expect(list[0]!.html).toContain('Who we are.');
    await expect(api.pages.read({ slug: 'secret' })).rejects.toMatchObject({ name: 'NotFoundError' });
    const settings = await api.settings.browse();
    expect(settings).toMatchObject({ title: 'Masthead', lang: 'en', navigation: [{ label: 'About', url: expect.stringMatching(/\/about$/) }], secondary_navigation: [{ label: 'Contact', url: 'https://example.org/contact' }] });
  });
});

describe('keys, limits and browsers', () => {
  it('refuses a revoked key at once with Ghost’s message, and a missing key, while a live key works', async () => {
    createTestArticle({ title: 'Anything' });
    const live = createIntegration({ name: 'Live', actorId: null });
    const revoked = createIntegration({ name: 'Old', actorId: null });
    if (!live.ok || !revoked.ok) throw new Error('not created');
    await expect(client(revoked.integration.contentKey).posts.browse()).resolves.toHaveLength(1);
    revokeIntegration({ id: revoked.integration.id, actorId: null });
    await expect(client(revoked.integration.contentKey).posts.browse()).rejects.toMatchObject({ name: 'UnauthorizedError', message: 'Unknown Content API Key' });
    await expect(client(live.integration.contentKey).posts.browse()).resolves.toHaveLength(1);
    const missing = await fetch(`${baseUrl}/ghost/api/content/posts/`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ errors: [{ message: 'Authorization failed', context: expect.stringContaining('Content API Key'), type: 'UnauthorizedError' }] });
  });

  it('lets any origin read, answers preflights, and lets shared caches keep answers', async () => {
    const key = createIntegration({ name: 'Browser', actorId: null });
    if (!key.ok) throw new Error(key.error);
    const answer = await fetch(`${baseUrl}/ghost/api/content/settings/?key=${key.integration.contentKey}`, { headers: { Origin: 'https://front.example' } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('cache-control')).toMatch(/^public/);
    const again = await fetch(`${baseUrl}/ghost/api/content/settings/?key=${key.integration.contentKey}`, { headers: { 'If-None-Match': answer.headers.get('etag')! } });
    expect(again.status).toBe(304);
    const preflight = await fetch(`${baseUrl}/ghost/api/content/posts/?key=x`, { method: 'OPTIONS', headers: { Origin: 'https://front.example', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'accept-version' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('accept-version');
    const refused = await fetch(`${baseUrl}/ghost/api/content/posts/`);
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers 429 with Retry-After once a key has used its share, and only for that key', async () => {
    const first = createIntegration({ name: 'Busy', actorId: null });
    const second = createIntegration({ name: 'Quiet', actorId: null });
    if (!first.ok || !second.ok) throw new Error('not created');
    const limits = { byKey: { bucket: 'test:key', limit: 2, windowMs: 60_000 }, byAddress: { bucket: 'test:ip', limit: 100, windowMs: 60_000 } };
    const call = (key: string) => answerContentRequest({ request: new Request(`http://localhost/ghost/api/content/posts/?key=${key}`), path: ['posts'], limits });
    expect(call(first.integration.contentKey).status).toBe(200);
    expect(call(first.integration.contentKey).status).toBe(200);
    const refused = call(first.integration.contentKey);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(await refused.json()).toMatchObject({ errors: [{ type: 'TooManyRequestsError' }] });
    expect(call(second.integration.contentKey).status).toBe(200);
  });
});

function getSlug(contributorId: number): string {
  return getDb().select().from(contributors).where(eq(contributors.id, contributorId)).get()!.slug;
}
