import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles, contributors, sections } from '@/db/schema';
import { listSitemapEntries } from '@/lib/site/feeds/list-sitemap-entries';
import { createTestArticle, createTestIssue, createTestSection } from '../factories/article';
import { createTestEntity } from '../factories/entity';
import { republishTestArticle, unpublishTestArticle } from '../factories/publication';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

function contributor(name: string, slug: string): number {
  return getDb().insert(contributors).values({ name, slug }).returning({ id: contributors.id }).get().id;
}

function paths(): string[] {
  return listSitemapEntries().map((entry) => entry.path);
}

describe('the sitemap', () => {
  it('lists what is public and nothing that is not', () => {
    const news = createTestSection('News');
    getDb().update(sections).set({ slug: 'news' }).where(eq(sections.id, news)).run();
    const april = createTestIssue({ coverDate: '2025-04-01' });
    const planned = createTestIssue({ status: 'planning', coverDate: '2025-06-01' });
    const treaty = createTestEntity({ kind: 'treaty', name: 'New START' });
    const untagged = createTestEntity({ kind: 'country', name: 'Atlantis' });
    const draftOnly = createTestEntity({ kind: 'person', name: 'Draft Person' });
    const writer = contributor('Daryl Kimball', 'daryl-kimball');
    const unpublishedWriter = contributor('Never Published', 'never-published');
    const withdrawnWriter = contributor('Withdrawn Writer', 'withdrawn-writer');

    const published = createTestArticle({ title: 'Public piece', sectionId: news, issueId: april.id, authorContributorIds: [writer], entityIds: [treaty.id] });
    createTestArticle({ title: 'Draft piece', status: 'draft', issueId: planned.id, authorContributorIds: [unpublishedWriter], entityIds: [draftOnly.id] });
    createTestArticle({ title: 'Scheduled piece', status: 'scheduled', authorContributorIds: [unpublishedWriter] });
    const embargoed = createTestArticle({ title: 'Embargoed piece', status: 'approved' });
    getDb().update(articles).set({ embargoedUntil: new Date(Date.now() + 86_400_000) }).where(eq(articles.id, embargoed.id)).run();
    const withdrawn = createTestArticle({ title: 'Withdrawn piece', authorContributorIds: [withdrawnWriter], entityIds: [draftOnly.id] });
    unpublishTestArticle({ articleId: withdrawn.id });

    const listed = paths();
    expect(listed).toEqual(
      expect.arrayContaining(['/', '/issues', `/issues/${april.slug}`, '/sections/news', `/treaties/${treaty.slug}`, '/authors/daryl-kimball', `/articles/${published.slug}`]),
    );
    for (const hidden of [
      `/issues/${planned.slug}`,
      `/countries/${untagged.slug}`,
      `/people/${draftOnly.slug}`,
      '/authors/never-published',
      '/authors/withdrawn-writer',
      `/articles/${withdrawn.slug}`,
      `/articles/${embargoed.slug}`,
    ]) {
      expect(listed, hidden).not.toContain(hidden);
    }
    expect(listed.filter((path) => path.startsWith('/articles/'))).toEqual([`/articles/${published.slug}`]);
    expect(listed.some((path) => /draft|scheduled|desk|preview/i.test(path))).toBe(false);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('dates an article by its last public change and lists it under its published slug', () => {
    const article = createTestArticle({ title: 'Original headline', publishedAt: new Date('2025-04-02T10:00:00Z') });
    getDb().update(articles).set({ slug: 'renamed-in-the-working-copy' }).where(eq(articles.id, article.id)).run();
    expect(listSitemapEntries().find((entry) => entry.path === `/articles/${article.slug}`)?.lastModified).toEqual(new Date('2025-04-02T10:00:00Z'));

    republishTestArticle({ articleId: article.id, at: new Date('2025-05-01T12:00:00Z') });
    const entries = listSitemapEntries();
    expect(entries.find((entry) => entry.path === '/articles/renamed-in-the-working-copy')?.lastModified).toEqual(new Date('2025-05-01T12:00:00Z'));
    expect(entries.find((entry) => entry.path === '/')?.lastModified).toEqual(new Date('2025-05-01T12:00:00Z'));
  });
});
