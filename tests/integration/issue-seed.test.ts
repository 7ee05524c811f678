import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articleEntities, articles, issues, sections } from '@/db/schema';
import { seedDemoMagazine } from '@/scripts/seed/seed-demo-magazine';
import { preflightArticle } from '@/lib/articles/preflight-article';
import { validateArticleDoc } from '@/lib/content/validate-article-doc';
import { getIssueContents } from '@/lib/issues/get-issue';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

describe('the demo magazine’s issues', () => {
  it('plans May 2025 with approved articles that pass the checklist and a draft that blocks, none of them public', async () => {
    await seedDemoMagazine(getDb());
    const may = getDb().select().from(issues).where(eq(issues.slug, '2025-05')).get()!;
    expect(may).toMatchObject({ title: 'May 2025', status: 'planning', volume: 8, number: 4, plannedPublicationDate: '2025-05-30', publishedAt: null });
    const planned = getDb().select().from(articles).where(eq(articles.issueId, may.id)).orderBy(asc(articles.id)).all();
    expect(planned.map((article) => article.status)).toEqual(['approved', 'approved', 'draft']);
    for (const article of planned) {
      expect(validateArticleDoc(article.body).ok, article.slug).toBe(true);
      expect(article.wordCount, article.slug).toBeGreaterThan(150);
      expect(article.publishedRevisionId, article.slug).toBeNull();
      expect(getDb().select().from(articleEntities).where(eq(articleEntities.articleId, article.id)).all().length, article.slug).toBeGreaterThanOrEqual(2);
      expect(preflightArticle(article).blocking, article.slug).toEqual([]);
    }
    expect(getIssueContents('2025-05')).toBeNull();
  });

  it('gives every published issue a planned date and April 2025 its lead stories first', async () => {
    await seedDemoMagazine(getDb());
    expect(getDb().select({ date: issues.plannedPublicationDate }).from(issues).where(eq(issues.status, 'published')).all().every((row) => row.date !== null)).toBe(true);
    const april = getIssueContents('2025-04')!;
    expect(april.sections.map((section) => section.name)).toEqual(['News', 'Features', 'Analysis']);
    expect(april.sections[0]!.articles[0]!.title).toBe('Baltic States and Poland Recommend Leaving the Mine Ban Treaty');
    expect(april.sections[2]!.articles.map((article) => article.slug)).toEqual([
      'what-withdrawals-mean-for-the-mine-ban-norm',
      'eastern-flank-mines-deterrence-by-denial',
      'how-withdrawal-from-disarmament-treaties-works',
      'what-a-us-iran-deal-would-need',
    ]);
    const news = getDb().select({ id: sections.id }).from(sections).where(eq(sections.slug, 'news')).get()!;
    const positions = getDb()
      .select({ position: articles.issuePosition })
      .from(articles)
      .innerJoin(issues, eq(issues.id, articles.issueId))
      .where(and(eq(issues.slug, '2025-03'), eq(articles.sectionId, news.id)))
      .orderBy(asc(articles.issuePosition))
      .all();
    expect(positions.map((row) => row.position)).toEqual([0, 1, 2]);
  });
});
