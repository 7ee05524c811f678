import { eq } from 'drizzle-orm';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles, contributors, entityRedirects, revisions, sections } from '@/db/schema';
import { entityFeedResponse } from '@/lib/site/feeds/entity-feed-response';
import { FEED_CACHE_CONTROL, feedResponse } from '@/lib/site/feeds/feed-response';
import { getAuthorFeed } from '@/lib/site/feeds/get-author-feed';
import { getEntityFeed } from '@/lib/site/feeds/get-entity-feed';
import { getIssueFeed } from '@/lib/site/feeds/get-issue-feed';
import { getSectionFeed } from '@/lib/site/feeds/get-section-feed';
import { getSiteFeed } from '@/lib/site/feeds/get-site-feed';
import { createTestArticle, createTestIssue, createTestSection } from '../factories/article';
import { createTestEntity } from '../factories/entity';
import { republishTestArticle, unpublishTestArticle } from '../factories/publication';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

const SITE = 'https://magazine.example';
const parser = new Parser<Record<string, unknown>, { 'dc:creator'?: string; id?: string; author?: string }>({ customFields: { item: ['dc:creator'] } });

function contributor(name: string, slug: string): number {
  return getDb().insert(contributors).values({ name, slug, bio: 'Writes on verification.' }).returning({ id: contributors.id }).get().id;
}

function found(lookup: { status: string; xml?: string }): string {
  if (lookup.status !== 'found' || !lookup.xml) throw new Error(`expected a feed, got ${lookup.status}`);
  return lookup.xml;
}

/** A small public magazine plus things that must never appear in a feed. */
function magazine() {
  const news = createTestSection('News');
  getDb().update(sections).set({ slug: 'news' }).where(eq(sections.id, news)).run();
  const april = createTestIssue({ coverDate: '2025-04-01' });
  const treaty = createTestEntity({ kind: 'treaty', name: 'New START' });
  const kimball = contributor('Daryl Kimball', 'daryl-kimball');
  const guest = contributor('Ann & Bob', 'ann-bob');
  const older = createTestArticle({ title: 'Older piece', text: 'The opening of the older piece.', sectionId: news, issueId: april.id, authorContributorIds: [kimball], entityIds: [treaty.id], publishedAt: new Date('2025-03-20T09:00:00Z') });
  const newer = createTestArticle({ title: 'Q&A: <script>alert(1)</script> ]]> on deterrence', text: 'Newer text.', sectionId: news, issueId: april.id, authorContributorIds: [kimball, guest], entityIds: [treaty.id], publishedAt: new Date('2025-04-02T08:30:00Z') });
  getDb().update(revisions).set({ dek: 'Why "deterrence by denial" <b>isn’t</b> new' }).where(eq(revisions.articleId, newer.id)).run();
  const withdrawn = createTestArticle({ title: 'Withdrawn piece', sectionId: news, issueId: april.id, authorContributorIds: [kimball], entityIds: [treaty.id] });
  unpublishTestArticle({ articleId: withdrawn.id });
  createTestArticle({ title: 'Draft piece', status: 'draft', sectionId: news, issueId: april.id, authorContributorIds: [kimball], entityIds: [treaty.id] });
  const edited = createTestArticle({ title: 'Published headline', sectionId: news, authorContributorIds: [kimball], publishedAt: new Date('2025-01-01T00:00:00Z') });
  getDb().update(articles).set({ title: 'Unpublished working headline' }).where(eq(articles.id, edited.id)).run();
  return { april, treaty, older, newer, edited };
}

describe('feeds parse with a real feed parser', () => {
  it('the site RSS feed lists public articles newest first with absolute links, stable guids and bylines', async () => {
    const { older, newer } = magazine();
    const feed = await parser.parseString(getSiteFeed({ siteUrl: SITE, format: 'rss' }));
    expect(feed.title).toBe('Masthead');
    expect(feed.link).toBe(`${SITE}/`);
    expect(feed.items.map((item) => item.title)).toEqual(['Q&A: <script>alert(1)</script> ]]> on deterrence', 'Older piece', 'Published headline']);
    const [first, second] = feed.items;
    expect(first!.link).toBe(`${SITE}/articles/${newer.slug}`);
    expect(first!.guid).toBe(`tag:magazine.example,2018:article:${newer.id}`);
    expect(first!.pubDate).toBe('Wed, 02 Apr 2025 08:30:00 GMT');
    expect(first!.content).toBe('Why &quot;deterrence by denial&quot; &lt;b&gt;isn’t&lt;/b&gt; new');
    expect(first!['dc:creator']).toBe('Daryl Kimball and Ann & Bob');
    expect(second!.content).toBe('The opening of the older piece.');
    expect(second!.guid).toBe(`tag:magazine.example,2018:article:${older.id}`);
  });

  it('an RSS title is escaped text, so a reader shows markup, `]]>` and ampersands exactly as stored', async () => {
    const title = 'Kill ]]> <script>alert(1)</script> & co &amp; more';
    createTestArticle({ title });
    const xml = getSiteFeed({ siteUrl: SITE, format: 'rss' });
    const feed = await parser.parseString(xml);
    expect(feed.items.map((item) => item.title)).toEqual([title]);
    expect(xml).toContain('<title>Kill ]]&gt; &lt;script&gt;alert(1)&lt;/script&gt; &amp; co &amp;amp; more</title>');
  });

  it('the site Atom feed carries the same entries with ids, authors and escaped HTML text', async () => {
    const { newer } = magazine();
    const xml = getSiteFeed({ siteUrl: SITE, format: 'atom' });
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(xml).toContain(`<link rel="self" href="${SITE}/atom.xml"/>`);
    const feed = await parser.parseString(xml);
    expect(feed.items).toHaveLength(3);
    const [first] = feed.items;
    expect(first!.id).toBe(`tag:magazine.example,2018:article:${newer.id}`);
    expect(first!.link).toBe(`${SITE}/articles/${newer.slug}`);
    expect(first!.title).toBe('Q&amp;A: &lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; on deterrence');
    expect(first!.author).toBe('Daryl Kimball');
    expect(first!.pubDate).toBe('2025-04-02T08:30:00.000Z');
  });

  it('an issue, section, author and entity each have an RSS feed of their public articles only', async () => {
    const { april, treaty } = magazine();
    const expected = ['Q&A: <script>alert(1)</script> ]]> on deterrence', 'Older piece'];
    const feeds = {
      issue: found(getIssueFeed({ slug: april.slug, siteUrl: SITE })),
      section: found(getSectionFeed({ slug: 'news', siteUrl: SITE })),
      author: found(getAuthorFeed({ slug: 'daryl-kimball', siteUrl: SITE })),
      entity: found(getEntityFeed({ kind: 'treaty', slug: treaty.slug, siteUrl: SITE })),
    };
    for (const [kind, xml] of Object.entries(feeds)) {
      const feed = await parser.parseString(xml);
      const titles = feed.items.map((item) => item.title);
      expect(titles.slice(0, 2), kind).toEqual(expected);
      expect(titles, kind).not.toContain('Withdrawn piece');
      expect(titles, kind).not.toContain('Draft piece');
      expect(titles, kind).not.toContain('Unpublished working headline');
      expect(feed.feedUrl ?? xml, kind).toContain(SITE);
    }
    expect((await parser.parseString(feeds.section)).title).toBe('News · Masthead');
    expect((await parser.parseString(feeds.author)).link).toBe(`${SITE}/authors/daryl-kimball`);
    expect((await parser.parseString(feeds.issue)).link).toBe(`${SITE}/issues/${april.slug}`);
  });

  it('has no feed for an issue still being planned, an unknown section or someone who has published nothing', () => {
    const planned = createTestIssue({ status: 'planning' });
    contributor('Quiet Person', 'quiet-person');
    expect(getIssueFeed({ slug: planned.slug, siteUrl: SITE }).status).toBe('missing');
    expect(getSectionFeed({ slug: 'no-such-section', siteUrl: SITE }).status).toBe('missing');
    expect(getAuthorFeed({ slug: 'quiet-person', siteUrl: SITE }).status).toBe('missing');
  });

  it('keeps an entry’s guid when the article is updated, and dates the update in Atom', async () => {
    const { older } = magazine();
    republishTestArticle({ articleId: older.id, at: new Date('2025-05-01T12:00:00Z') });
    const atom = await parser.parseString(getSiteFeed({ siteUrl: SITE, format: 'atom' }));
    const entry = atom.items.find((item) => item.id === `tag:magazine.example,2018:article:${older.id}`);
    expect(entry).toBeDefined();
    expect(getSiteFeed({ siteUrl: SITE, format: 'atom' })).toContain('<updated>2025-05-01T12:00:00.000Z</updated>');
  });
});

describe('feed responses', () => {
  it('answer with the right content type and a cache policy with stale-while-revalidate', async () => {
    magazine();
    const rss = feedResponse({ lookup: { status: 'found', xml: getSiteFeed({ siteUrl: SITE, format: 'rss' }) }, format: 'rss' });
    expect(rss.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(rss.headers.get('cache-control')).toBe(FEED_CACHE_CONTROL);
    expect(FEED_CACHE_CONTROL).toMatch(/max-age=\d+/);
    expect(FEED_CACHE_CONTROL).toMatch(/stale-while-revalidate=\d+/);
    const atom = feedResponse({ lookup: { status: 'found', xml: getSiteFeed({ siteUrl: SITE, format: 'atom' }) }, format: 'atom' });
    expect(atom.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(feedResponse({ lookup: { status: 'missing' }, format: 'rss' }).status).toBe(404);
  });

  it('an entity feed answers RSS at its address and moves permanently from an old one', () => {
    const treaty = createTestEntity({ kind: 'treaty', name: 'New START' });
    getDb().insert(entityRedirects).values({ kind: 'treaty', slug: 'new-start-treaty', entityId: treaty.id }).run();
    const response = entityFeedResponse({ kind: 'treaty', slug: treaty.slug });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe(FEED_CACHE_CONTROL);
    const moved = entityFeedResponse({ kind: 'treaty', slug: 'new-start-treaty' });
    expect(moved.status).toBe(308);
    expect(moved.headers.get('location')).toBe(`/treaties/${treaty.slug}/feed.xml`);
  });
});
