import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articleAuthors, articleEntities, articles } from '@/db/schema';
import { getPublishedArticle } from '@/lib/articles/get-published-article';
import { listPublishedArticles } from '@/lib/articles/list-latest-articles';
import { getEntityPage } from '@/lib/entities/get-entity-page';
import { relatedEntities } from '@/lib/entities/related-entities';
import { getEntityFeed } from '@/lib/site/feeds/get-entity-feed';
import { getIssueContents } from '@/lib/issues/get-issue';
import { createTestArticle, createTestIssue, createTestSection } from '../factories/article';
import { createTestEntity } from '../factories/entity';
import { republishTestArticle } from '../factories/publication';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

const SITE = 'https://magazine.example';

/** A published article, then every public field of its working copy changed without republishing. */
async function publishedThenEdited() {
  const db = getDb();
  const [firstAuthor, secondAuthor] = [await createTestStaff(), await createTestStaff()];
  const [news, analysis] = [createTestSection('News'), createTestSection('Analysis')];
  const [april, may] = [createTestIssue({ coverDate: '2025-04-01' }), createTestIssue({ coverDate: '2025-05-01' })];
  const [treaty, country, other] = [
    createTestEntity({ kind: 'treaty', name: 'New START' }),
    createTestEntity({ kind: 'country', name: 'Russia' }),
    createTestEntity({ kind: 'topic', name: 'Missile defence' }),
  ];
  const article = createTestArticle({
    title: 'Published title',
    sectionId: news,
    issueId: april.id,
    authorContributorIds: [firstAuthor.contributorId],
    entityIds: [treaty.id, country.id],
  });

  db.update(articles).set({ title: 'Working title', sectionId: analysis, issueId: may.id }).where(eq(articles.id, article.id)).run();
  db.delete(articleAuthors).where(eq(articleAuthors.articleId, article.id)).run();
  db.insert(articleAuthors).values({ articleId: article.id, contributorId: secondAuthor.contributorId, position: 0 }).run();
  db.delete(articleEntities).where(eq(articleEntities.entityId, country.id)).run();
  db.insert(articleEntities).values({ articleId: article.id, entityId: other.id }).run();
  return { article, firstAuthor, secondAuthor, april, may, treaty, country, other };
}

function entityArticleTitles(kind: 'treaty' | 'country' | 'topic', slug: string): string[] {
  const result = getEntityPage({ kind, slug, page: 1 });
  if (result.status !== 'found') throw new Error(`No entity page for ${kind} ${slug}`);
  return result.data.articles.map((article) => article.title);
}

function issueTitles(slug: string): string[] {
  return getIssueContents(slug)!.sections.flatMap((section) => section.articles.map((article) => `${section.name}: ${article.title}`));
}

function feedXml(kind: 'treaty' | 'country' | 'topic', slug: string): string {
  const feed = getEntityFeed({ kind, slug, siteUrl: SITE });
  if (feed.status !== 'found') throw new Error(`No feed for ${kind} ${slug}`);
  return feed.xml;
}

describe('editing the working copy of a published article', () => {
  it('changes nothing public: article page, latest list, issue contents, entity pages, related entities and feeds', async () => {
    const { article, firstAuthor, april, may } = await publishedThenEdited();

    const shown = getPublishedArticle(article.slug)!;
    expect(shown).toMatchObject({
      title: 'Published title',
      section: { name: 'News' },
      issue: { slug: april.slug },
      authors: [{ name: firstAuthor.name }],
    });
    expect(shown.entities.map((entity) => entity.name)).toEqual(['Russia', 'New START']);

    expect(listPublishedArticles()).toMatchObject([{ title: 'Published title', section: { name: 'News' }, authors: [{ name: firstAuthor.name }] }]);
    expect(issueTitles(april.slug)).toEqual(['News: Published title']);
    expect(issueTitles(may.slug)).toEqual([]);

    expect(entityArticleTitles('country', 'russia')).toEqual(['Published title']);
    expect(entityArticleTitles('topic', 'missile-defence')).toEqual([]);
    expect(relatedEntities({ entityId: getEntityId('new-start') }).map((entity) => entity.name)).toEqual(['Russia']);
    expect(feedXml('country', 'russia')).toContain('<title>Published title</title>');
    expect(feedXml('topic', 'missile-defence')).not.toContain('<item>');
  });

  it('shows the edits everywhere once republished', async () => {
    const { article, secondAuthor, april, may } = await publishedThenEdited();
    republishTestArticle({ articleId: article.id });

    const shown = getPublishedArticle(article.slug)!;
    expect(shown).toMatchObject({
      title: 'Working title',
      section: { name: 'Analysis' },
      issue: { slug: may.slug },
      authors: [{ name: secondAuthor.name }],
    });
    expect(shown.entities.map((entity) => entity.name)).toEqual(['Missile defence', 'New START']);

    expect(listPublishedArticles()).toMatchObject([{ title: 'Working title', section: { name: 'Analysis' }, authors: [{ name: secondAuthor.name }] }]);
    expect(issueTitles(april.slug)).toEqual([]);
    expect(issueTitles(may.slug)).toEqual(['Analysis: Working title']);

    expect(entityArticleTitles('country', 'russia')).toEqual([]);
    expect(entityArticleTitles('topic', 'missile-defence')).toEqual(['Working title']);
    expect(relatedEntities({ entityId: getEntityId('new-start') }).map((entity) => entity.name)).toEqual(['Missile defence']);
    expect(feedXml('country', 'russia')).not.toContain('<item>');
    expect(feedXml('topic', 'missile-defence')).toContain('<title>Working title</title>');
  });
});

function getEntityId(slug: string): number {
  const result = getEntityPage({ kind: 'treaty', slug, page: 1 });
  if (result.status !== 'found') throw new Error(`No treaty ${slug}`);
  return result.data.entity.id;
}
