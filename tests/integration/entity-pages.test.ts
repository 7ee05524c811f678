import { eq } from 'drizzle-orm';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EntityPage } from '@/components/site/entity-page';
import { getDb } from '@/db/client';
import { articleEntities, articles, entities, entityAliases, entityRedirects, revisions, type EntityFacts, type EntityKind } from '@/db/schema';
import { ENTITY_ARTICLES_PER_PAGE, getEntityPage, lookupEntity, type EntityPageData } from '@/lib/entities/get-entity-page';
import { entityFeedResponse } from '@/lib/site/feeds/entity-feed-response';
import { ENTITY_FEED_SIZE, getEntityFeed } from '@/lib/site/feeds/get-entity-feed';
import { normalizeAlias } from '@/lib/content/text/normalize-alias';
import { createTestArticle, refreshTestSnapshot } from '../factories/article';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

const SITE = 'https://magazine.example';

function addEntity({
  kind,
  name,
  slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
  facts = {},
  wikidataId = null,
  aliases = [],
}: {
  kind: EntityKind;
  name: string;
  slug?: string;
  facts?: EntityFacts;
  wikidataId?: string | null;
  aliases?: string[];
}): number {
  const db = getDb();
  const id = db.insert(entities).values({ kind, name, slug, facts, wikidataId }).returning({ id: entities.id }).get().id;
  for (const alias of aliases) db.insert(entityAliases).values({ entityId: id, alias, normalized: normalizeAlias(alias) }).run();
  return id;
}

/** Tags an article and, when it is published, its published snapshot too, as a republish would. */
function tag(articleId: number, ...entityIds: number[]): void {
  for (const entityId of entityIds) getDb().insert(articleEntities).values({ articleId, entityId }).run();
  const { status } = getDb().select({ status: articles.status }).from(articles).where(eq(articles.id, articleId)).get()!;
  if (status === 'published') refreshTestSnapshot(articleId);
}

function publishedOn(day: number): Date {
  return new Date(Date.UTC(2025, 0, 1) + day * 86_400_000);
}

function found(result: ReturnType<typeof getEntityPage>): EntityPageData {
  if (result.status !== 'found') throw new Error(`expected the page to be found, got ${result.status}`);
  return result.data;
}

describe('an entity page', () => {
  it('lists only published articles tagged with the entity, newest first, with their published titles', () => {
    const treaty = addEntity({ kind: 'treaty', name: 'Mine Ban Treaty' });
    const older = createTestArticle({ title: 'Older news', publishedAt: new Date('2025-03-20T09:00:00Z') });
    const newer = createTestArticle({ title: 'Newer news', publishedAt: new Date('2025-04-02T08:30:00Z') });
    const draft = createTestArticle({ title: 'Draft', status: 'draft' });
    const withdrawn = createTestArticle({ title: 'Withdrawn' });
    const untagged = createTestArticle({ title: 'About something else' });
    tag(older.id, treaty);
    tag(newer.id, treaty);
    tag(draft.id, treaty);
    tag(withdrawn.id, treaty);
    getDb().update(articles).set({ status: 'unpublished' }).where(eq(articles.id, withdrawn.id)).run();
    getDb().update(articles).set({ title: 'Unpublished retitling' }).where(eq(articles.id, newer.id)).run();
    expect(untagged.id).toBeGreaterThan(0);

    const page = found(getEntityPage({ kind: 'treaty', slug: 'mine-ban-treaty', page: 1 }));
    expect(page.articles.map((article) => article.title)).toEqual(['Newer news', 'Older news']);
    expect(page.totalArticles).toBe(2);
    expect(page.pageCount).toBe(1);
  });

  it('builds excerpts from the published text, not from later edits to the working copy', () => {
    const topic = addEntity({ kind: 'topic', name: 'Landmines' });
    const article = createTestArticle({ text: 'Published opening.' });
    tag(article.id, topic);
    getDb().update(articles).set({ excerpt: 'Unpublished opening.' }).where(eq(articles.id, article.id)).run();
    expect(found(getEntityPage({ kind: 'topic', slug: 'landmines', page: 1 })).articles[0]?.excerpt).toBe('Published opening.');
  });

  it('pages through articles twenty at a time and has no page past the last or before the first', () => {
    const country = addEntity({ kind: 'country', name: 'Russia' });
    const total = ENTITY_ARTICLES_PER_PAGE * 2 + 5;
    for (let day = 0; day < total; day += 1) tag(createTestArticle({ title: `Day ${day}`, publishedAt: publishedOn(day) }).id, country);

    const first = found(getEntityPage({ kind: 'country', slug: 'russia', page: 1 }));
    const second = found(getEntityPage({ kind: 'country', slug: 'russia', page: 2 }));
    const last = found(getEntityPage({ kind: 'country', slug: 'russia', page: 3 }));
    expect(first.articles).toHaveLength(20);
    expect(first.articles[0]?.title).toBe(`Day ${total - 1}`);
    expect(second.articles[0]?.title).toBe(`Day ${total - 21}`);
    expect(last.articles.map((article) => article.title)).toEqual(['Day 4', 'Day 3', 'Day 2', 'Day 1', 'Day 0']);
    expect(first.pageCount).toBe(3);
    expect(getEntityPage({ kind: 'country', slug: 'russia', page: 4 })).toEqual({ status: 'missing' });
    expect(getEntityPage({ kind: 'country', slug: 'russia', page: 0 })).toEqual({ status: 'missing' });
    expect(getEntityPage({ kind: 'country', slug: 'russia', page: 1.5 })).toEqual({ status: 'missing' });
  });

  it('shows an entity nothing has been published about on its first page only', () => {
    addEntity({ kind: 'person', name: 'Nobody Yet' });
    const page = found(getEntityPage({ kind: 'person', slug: 'nobody-yet', page: 1 }));
    expect(page.articles).toEqual([]);
    expect(page.pageCount).toBe(1);
    expect(getEntityPage({ kind: 'person', slug: 'nobody-yet', page: 2 })).toEqual({ status: 'missing' });
  });

  it('ranks related entities by how many published articles they share, without drafts, withdrawn articles or itself', () => {
    const treaty = addEntity({ kind: 'treaty', name: 'Mine Ban Treaty' });
    const russia = addEntity({ kind: 'country', name: 'Russia' });
    const finland = addEntity({ kind: 'country', name: 'Finland' });
    const nato = addEntity({ kind: 'organization', name: 'NATO' });
    const neverPublished = addEntity({ kind: 'person', name: 'Unpublished Person' });
    tag(createTestArticle().id, treaty, russia, finland, nato);
    tag(createTestArticle().id, treaty, russia, finland);
    tag(createTestArticle().id, treaty, russia);
    tag(createTestArticle({ status: 'draft' }).id, treaty, neverPublished, nato, finland);
    const withdrawn = createTestArticle();
    tag(withdrawn.id, treaty, neverPublished, nato, finland);
    getDb().update(articles).set({ status: 'unpublished' }).where(eq(articles.id, withdrawn.id)).run();

    const { related } = found(getEntityPage({ kind: 'treaty', slug: 'mine-ban-treaty', page: 1 }));
    expect(related.map((entity) => [entity.name, entity.count])).toEqual([
      ['Russia', 3],
      ['Finland', 2],
      ['NATO', 1],
    ]);
    expect(related[0]).toMatchObject({ kind: 'country', slug: 'russia' });
  });

  it('shows at most eight related entities', () => {
    const topic = addEntity({ kind: 'topic', name: 'Nuclear testing' });
    const others = Array.from({ length: 10 }, (_, index) => addEntity({ kind: 'country', name: `Country ${index}` }));
    tag(createTestArticle().id, topic, ...others);
    expect(found(getEntityPage({ kind: 'topic', slug: 'nuclear-testing', page: 1 })).related).toHaveLength(8);
  });

  it('gives aliases other than the name, and the country page a person’s country code names', () => {
    addEntity({ kind: 'country', name: 'Poland', facts: { iso2: 'PL', iso3: 'POL' } });
    addEntity({
      kind: 'person',
      name: 'Donald Tusk',
      facts: { role: 'Prime Minister of Poland', country: 'PL' },
      wikidataId: 'Q946',
      aliases: ['Tusk', 'Donald Tusk'],
    });
    const lookup = lookupEntity({ kind: 'person', slug: 'donald-tusk' });
    expect(lookup).toMatchObject({
      status: 'found',
      entity: { aliases: ['Tusk'], wikidataId: 'Q946', country: { name: 'Poland', slug: 'poland' } },
    });
  });

  it('sends an old address to the entity it now belongs to, even of another kind, and knows nothing else', () => {
    const survivor = addEntity({ kind: 'organization', name: 'International Campaign to Ban Landmines', slug: 'icbl' });
    getDb().insert(entityRedirects).values({ kind: 'topic', slug: 'landmine-campaign', entityId: survivor }).run();
    expect(getEntityPage({ kind: 'topic', slug: 'landmine-campaign', page: 1 })).toEqual({
      status: 'moved',
      to: { kind: 'organization', slug: 'icbl' },
    });
    expect(getEntityPage({ kind: 'country', slug: 'landmine-campaign', page: 1 })).toEqual({ status: 'missing' });
    expect(getEntityPage({ kind: 'topic', slug: 'no-such-topic', page: 1 })).toEqual({ status: 'missing' });
  });

  it('reads a treaty’s facts with human labels and dates in house style', () => {
    addEntity({
      kind: 'treaty',
      name: 'Mine Ban Treaty',
      facts: {
        openedForSignature: '1997-12-03',
        entryIntoForce: '1999-03-01',
        statesParties: 164,
        statesPartiesAsOf: '2025-01-01',
        depositary: 'Secretary-General of the United Nations',
        status: 'in force',
      },
      wikidataId: 'Q1065',
    });
    const html = renderToStaticMarkup(EntityPage(found(getEntityPage({ kind: 'treaty', slug: 'mine-ban-treaty', page: 1 }))));
    const facts = [...html.matchAll(/<dt>(.*?)<\/dt><dd>(.*?)<\/dd>/g)].map(([, label, value]) => [label, value!.replace(/<[^>]+>/g, '')]);
    expect(facts).toEqual([
      ['Opened for signature', '3 December 1997'],
      ['Entered into force', '1 March 1999'],
      ['States parties', '164 (as of 1 January 2025)'],
      ['Depositary', 'Secretary-General of the United Nations'],
      ['Status', 'In force'],
      ['Wikidata', 'Q1065'],
    ]);
    expect(html).toContain('<time dateTime="1997-12-03">');
    expect(html).toContain('href="https://www.wikidata.org/wiki/Q1065"');
    expect(html).toContain('href="/treaties/mine-ban-treaty/feed.xml"');
  });
});

describe('an entity feed', () => {
  it('carries the latest thirty published articles, newest first, with absolute links and dek or excerpt', () => {
    const country = addEntity({ kind: 'country', name: 'Estonia' });
    for (let day = 0; day < ENTITY_FEED_SIZE + 2; day += 1) {
      tag(createTestArticle({ title: `Day ${day}`, text: `Opening of day ${day}.`, publishedAt: publishedOn(day) }).id, country);
    }
    const withDek = createTestArticle({ title: 'Tallinn & the <line>', publishedAt: publishedOn(100) });
    getDb().update(revisions).set({ dek: 'Dek of "the line"' }).where(eq(revisions.articleId, withDek.id)).run();
    tag(withDek.id, country);
    tag(createTestArticle({ title: 'Still a draft', status: 'draft' }).id, country);

    const feed = getEntityFeed({ kind: 'country', slug: 'estonia', siteUrl: SITE });
    if (feed.status !== 'found') throw new Error(`expected a feed, got ${feed.status}`);
    const items = feed.xml.split('<item>').slice(1);
    expect(items).toHaveLength(ENTITY_FEED_SIZE);
    expect(items[0]).toContain('<title>Tallinn &amp; the &lt;line&gt;</title>');
    expect(items[0]).toContain(`<link>${SITE}/articles/${withDek.slug}</link>`);
    expect(items[0]).toContain('<description><![CDATA[Dek of &quot;the line&quot;]]></description>');
    expect(items[0]).toContain(`<guid isPermaLink="false">tag:magazine.example,2018:article:${withDek.id}</guid>`);
    expect(items[1]).toContain('<title>Day 31</title>');
    expect(items[1]).toContain('<description><![CDATA[Opening of day 31.]]></description>');
    expect(items[1]).toContain('<pubDate>Sat, 01 Feb 2025 00:00:00 GMT</pubDate>');
    expect(feed.xml).not.toContain('Still a draft');
    expect(feed.xml).not.toContain('<title>Day 1</title>');
    expect(feed.xml).toContain(`<link>${SITE}/countries/estonia</link>`);
  });

  it('answers with RSS that may be cached for five minutes', async () => {
    addEntity({ kind: 'topic', name: 'Landmines' });
    const response = entityFeedResponse({ kind: 'topic', slug: 'landmines' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=3600');
    expect(await response.text()).toContain('<rss version="2.0"');
  });

  it('redirects an old address to the current feed and is 404 for an unknown entity', () => {
    const survivor = addEntity({ kind: 'treaty', name: 'New START' });
    getDb().insert(entityRedirects).values({ kind: 'treaty', slug: 'new-start-treaty', entityId: survivor }).run();
    const moved = entityFeedResponse({ kind: 'treaty', slug: 'new-start-treaty' });
    expect(moved.status).toBe(308);
    expect(moved.headers.get('location')).toBe('/treaties/new-start/feed.xml');
    expect(entityFeedResponse({ kind: 'treaty', slug: 'no-such-treaty' }).status).toBe(404);
  });
});
