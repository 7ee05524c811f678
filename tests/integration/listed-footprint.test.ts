import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles, revisions, type RevisionMeta } from '@/db/schema';
import { listedFootprint } from '@/lib/articles/listed-footprint';
import { readerContentTags } from '@/lib/platform/cache/reader-content-tags';
import { docToPlainText } from '@/lib/content/doc-to-plain-text';
import { createTestArticle, createTestIssue, createTestSection, paragraphDoc } from '../factories/article';
import { createTestEntity } from '../factories/entity';
import { republishTestArticle } from '../factories/publication';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

const opening = 'The inspectors returned to the site on Monday and found the seals intact. '.repeat(8);

/** Changes the working copy as the editor's save does, then republishes it as an update does. */
function updateAndRepublish(articleId: number, change: Partial<typeof articles.$inferInsert>, { correction }: { correction?: string } = {}): void {
  const db = getDb();
  const current = db.select().from(articles).where(eq(articles.id, articleId)).get()!;
  const body = change.body ?? current.body;
  db.update(articles)
    .set({ ...change, body, bodyText: docToPlainText(body), version: current.version + 1 })
    .where(eq(articles.id, articleId))
    .run();
  republishTestArticle({ articleId, at: new Date('2025-05-01T09:00:00Z'), correction: correction ? { note: correction } : undefined });
}

function setPublishedMeta(articleId: number, meta: RevisionMeta): void {
  const { publishedRevisionId } = getDb().select({ publishedRevisionId: articles.publishedRevisionId }).from(articles).where(eq(articles.id, articleId)).get()!;
  getDb().update(revisions).set({ meta }).where(eq(revisions.id, publishedRevisionId!)).run();
}

function withParagraphAdded(text: string) {
  return { type: 'doc', content: [...paragraphDoc(opening).content!, ...paragraphDoc(text).content!] };
}

describe('what other pages show of an article', () => {
  it('stays the same when an update adds a paragraph after the opening or a correction note', () => {
    const issue = createTestIssue();
    const treaty = createTestEntity({ kind: 'treaty', name: 'Chemical Weapons Convention' });
    const article = createTestArticle({ title: 'Seals intact', body: paragraphDoc(opening), sectionId: createTestSection('News'), issueId: issue.id, entityIds: [treaty.id] });
    const before = listedFootprint(article.id);

    updateAndRepublish(article.id, { body: withParagraphAdded('A second visit is planned for June.') });
    expect(listedFootprint(article.id)).toBe(before);

    updateAndRepublish(article.id, { body: withParagraphAdded('A second visit is planned for July.') }, { correction: 'The visit is in July, not June.' });
    expect(listedFootprint(article.id)).toBe(before);

    // The desk's snapshot records search titles and the saving tab, which only the article's own page shows.
    setPublishedMeta(article.id, { seoTitle: 'Seals intact at the site', editorId: 'tab-1', entityIds: [treaty.id] });
    expect(listedFootprint(article.id)).toBe(before);
  });

  it('changes with anything a list, an issue or a neighbour shows: title, dek, opening, section, filing, publication', () => {
    const article = createTestArticle({ title: 'Talks open', body: paragraphDoc(opening) });
    const changes: [string, Partial<typeof articles.$inferInsert>][] = [
      ['title', { title: 'Talks open in Geneva' }],
      ['dek', { dek: 'Delegations from forty states arrive.' }],
      ['opening', { body: paragraphDoc(`Delegations arrived early. ${opening}`) }],
      ['section', { sectionId: createTestSection('Analysis'), publishedSectionId: null }],
      ['issue', { issueId: createTestIssue({ coverDate: '2025-06-01' }).id }],
    ];
    for (const [what, change] of changes) {
      const before = listedFootprint(article.id);
      if (what === 'section') {
        getDb().update(articles).set({ publishedSectionId: change.sectionId }).where(eq(articles.id, article.id)).run();
      } else if (what === 'issue') {
        getDb().update(articles).set({ publishedIssueId: change.issueId }).where(eq(articles.id, article.id)).run();
      } else {
        updateAndRepublish(article.id, change);
      }
      expect(listedFootprint(article.id), `a changed ${what}`).not.toBe(before);
    }
    const beforeImage = listedFootprint(article.id);
    setPublishedMeta(article.id, { featuredMediaId: 7 });
    expect(listedFootprint(article.id), 'a new featured image').not.toBe(beforeImage);
    const before = listedFootprint(article.id);
    getDb().update(articles).set({ status: 'unpublished' }).where(eq(articles.id, article.id)).run();
    expect(listedFootprint(article.id), 'a withdrawal').not.toBe(before);
  });

  it('expires only the article’s own page and the newest lists for an update of its text alone', () => {
    const sectionId = createTestSection('Features');
    const issue = createTestIssue({ coverDate: '2025-07-01' });
    const treaty = createTestEntity({ kind: 'treaty', name: 'Ottawa Convention' });
    const article = createTestArticle({ sectionId, issueId: issue.id, entityIds: [treaty.id] });

    const tags = readerContentTags({ kind: 'article-page', articleIds: [article.id] });

    // And the Content API's answers, which carry the article's text too.
    expect(tags.toSorted()).toEqual([`article-slug:${article.slug}`, `article:${article.id}`, 'articles', 'content-api'].toSorted());
    // The full publication tags name what lists it, which the page-only change leaves be.
    expect(readerContentTags({ kind: 'article', articleIds: [article.id] })).toEqual(expect.arrayContaining([`section:${sectionId}`, `issue:${issue.id}`, `entity:${treaty.id}`]));
  });
});
