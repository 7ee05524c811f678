import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import { getPublishedArticle } from '@/lib/articles/get-published-article';
import { listDeskArticles } from '@/lib/articles/list-desk-articles';
import { listPublishedArticles } from '@/lib/articles/list-latest-articles';
import { getCurrentIssue, getIssueContents } from '@/lib/issues/get-issue';
import { checkHealth } from '@/lib/platform/health/check-health';
import { createTestArticle, createTestIssue, createTestSection, paragraphDoc } from '../factories/article';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

describe('the public view of articles', () => {
  it('shows the published snapshot, not later edits to the working copy', () => {
    const article = createTestArticle({ title: 'Original title', text: 'Published words.' });
    getDb().update(articles).set({ title: 'Unpublished edit', body: paragraphDoc('Draft words.') }).where(eq(articles.id, article.id)).run();
    const shown = getPublishedArticle(article.slug);
    expect(shown?.title).toBe('Original title');
    expect(shown?.html).toContain('Published words.');
    expect(shown?.html).not.toContain('Draft words.');
  });

  it('does not show drafts or unpublished articles', () => {
    const draft = createTestArticle({ status: 'draft' });
    const withdrawn = createTestArticle();
    getDb().update(articles).set({ status: 'unpublished' }).where(eq(articles.id, withdrawn.id)).run();
    expect(getPublishedArticle(draft.slug)).toBeNull();
    expect(getPublishedArticle(withdrawn.slug)).toBeNull();
    expect(listPublishedArticles()).toEqual([]);
  });

  it('lists the latest first with bylines in order', async () => {
    const first = await createTestStaff();
    const second = await createTestStaff();
    createTestArticle({ title: 'Older', publishedAt: new Date('2025-03-01T00:00:00Z') });
    createTestArticle({ title: 'Newer', publishedAt: new Date('2025-04-01T00:00:00Z'), authorContributorIds: [second.contributorId, first.contributorId] });
    const list = listPublishedArticles();
    expect(list.map((article) => article.title)).toEqual(['Newer', 'Older']);
    expect(list[0]!.authors.map((author) => author.name)).toEqual([second.name, first.name]);
  });
});

describe('issues', () => {
  it('groups a published issue by section in section order, and hides draft issues', () => {
    const news = createTestSection('News');
    const analysis = createTestSection('Analysis');
    const issue = createTestIssue();
    const draftIssue = createTestIssue({ status: 'planning', coverDate: '2025-05-01' });
    createTestArticle({ title: 'Analysis piece', sectionId: analysis, issueId: issue.id });
    createTestArticle({ title: 'News piece', sectionId: news, issueId: issue.id });
    createTestArticle({ title: 'Not yet', sectionId: news, issueId: issue.id, status: 'draft' });
    const contents = getIssueContents(issue.slug);
    expect(contents?.sections.map((section) => [section.name, section.articles.map((article) => article.title)])).toEqual([
      ['News', ['News piece']],
      ['Analysis', ['Analysis piece']],
    ]);
    expect(getIssueContents(draftIssue.slug)).toBeNull();
    expect(getCurrentIssue()?.slug).toBe(issue.slug);
  });
});

describe('the desk list', () => {
  it('shows editors every article and authors only their own', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    createTestArticle({ title: 'Mine', authorContributorIds: [author.contributorId], status: 'draft' });
    createTestArticle({ title: 'Started by me', createdBy: author.id, status: 'draft' });
    createTestArticle({ title: 'Theirs', authorContributorIds: [editor.contributorId] });
    expect(listDeskArticles({ actor: author }).map((row) => row.title).sort()).toEqual(['Mine', 'Started by me']);
    expect(listDeskArticles({ actor: editor })).toHaveLength(3);
  });
});

describe('health', () => {
  it('reports ok when the database answers', () => {
    expect(checkHealth()).toMatchObject({ ok: true, database: 'ok' });
  });
});
