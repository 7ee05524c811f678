import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, getSqlite } from '@/db/client';
import { articles, auditLog, campaigns, issues, publishedArticleAuthors, publishedArticleEntities, revisions } from '@/db/schema';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { getIssueContents } from '@/lib/issues/get-issue';
import { publishIssue } from '@/lib/issues/publish-issue';
import { createTestSection } from '../factories/article';
import { createIssueArticle, createPlanningIssue } from '../factories/issue-articles';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

const NOW = new Date('2031-05-02T08:00:00Z');

async function issueWithArticles() {
  const editor = await createTestStaff({ role: 'editor' });
  const author = await createTestStaff({ role: 'author' });
  const news = createTestSection('News');
  const issue = createPlanningIssue({ title: 'May 2031' });
  const first = createIssueArticle({ owner: author, issueId: issue.id, sectionId: news, title: 'First approved', status: 'approved', position: 0 });
  const second = createIssueArticle({ owner: author, issueId: issue.id, sectionId: news, title: 'Second scheduled', status: 'scheduled', position: 1 });
  const third = createIssueArticle({ owner: author, issueId: issue.id, sectionId: news, title: 'Third approved', status: 'approved', position: 2 });
  return { editor, author, news, issue, first, second, third };
}

function statusOf(id: number) {
  return getDb().select({ status: articles.status, publishedAt: articles.publishedAt, publishedRevisionId: articles.publishedRevisionId }).from(articles).where(eq(articles.id, id)).get()!;
}

function issueRow(id: number) {
  return getDb().select().from(issues).where(eq(issues.id, id)).get()!;
}

function counts() {
  const db = getDb();
  const of = (table: typeof revisions | typeof campaigns | typeof publishedArticleAuthors | typeof publishedArticleEntities | typeof auditLog) => db.select({ value: count() }).from(table).get()!.value;
  return {
    revisions: of(revisions),
    campaigns: of(campaigns),
    publishedAuthors: of(publishedArticleAuthors),
    publishedTags: of(publishedArticleEntities),
    audit: of(auditLog),
    published: db.select({ value: count() }).from(articles).where(eq(articles.status, 'published')).get()!.value,
  };
}

describe('publishing an issue', () => {
  it('publishes every approved and scheduled article at the same moment, marks the issue published and queues its email once', async () => {
    const { editor, issue, first, second, third } = await issueWithArticles();
    const result = publishIssue({ actor: editor, id: issue.id, now: NOW });
    expect(result).toEqual({ ok: true, issueId: issue.id, slug: issue.slug, articleIds: [first.id, second.id, third.id], isEmailQueued: true });
    for (const article of [first, second, third]) {
      expect(statusOf(article.id)).toMatchObject({ status: 'published', publishedAt: NOW, publishedRevisionId: expect.any(Number) });
    }
    expect(issueRow(issue.id)).toMatchObject({ status: 'published', publishedAt: NOW, isEmailWanted: true });
    const queued = getDb().select().from(campaigns).where(eq(campaigns.kind, 'issue')).all();
    expect(queued).toMatchObject([{ issueId: issue.id, dedupeKey: `issue:${issue.id}`, createdBy: editor.id, status: 'queued' }]);
    const revision = getDb().select().from(revisions).where(eq(revisions.articleId, first.id)).all().at(-1)!;
    expect(revision).toMatchObject({ reason: 'publish', note: 'Published with the issue May 2031' });
    expect(getIssueContents(issue.slug)?.sections[0]?.articles.map((article) => article.title)).toEqual(['First approved', 'Second scheduled', 'Third approved']);
  });

  it('refuses while any article is not ready, naming each by title with the reason, and changes nothing', async () => {
    const { editor, author, news, issue } = await issueWithArticles();
    createIssueArticle({ owner: author, issueId: issue.id, sectionId: news, title: 'Still in review', status: 'in_review', position: 3 });
    const broken = createIssueArticle({ owner: author, issueId: issue.id, sectionId: news, title: 'Missing its dek', status: 'approved', position: 4 });
    getDb().update(articles).set({ dek: '' }).where(eq(articles.id, broken.id)).run();
    const before = counts();
    const result = publishIssue({ actor: editor, id: issue.id, now: NOW });
    if (result.ok) throw new Error('publication should have been refused');
    expect(result.error).toContain('“Still in review”');
    expect(result.error).toContain('“Missing its dek”');
    expect(result.blockers).toEqual([
      { articleId: expect.any(Number), title: 'Still in review', reasons: ['It is in review; it needs an editor’s approval.'] },
      { articleId: broken.id, title: 'Missing its dek', reasons: ['Write a dek: one sentence on why this matters.'] },
    ]);
    expect(counts()).toEqual(before);
    expect(issueRow(issue.id).status).toBe('planning');
  });

  it('refuses while an article is embargoed past the moment of publication', async () => {
    const { editor, author, news, issue } = await issueWithArticles();
    createIssueArticle({ owner: author, issueId: issue.id, sectionId: news, title: 'Under embargo', embargoedUntil: new Date('2031-05-03T00:00:00Z') });
    const result = publishIssue({ actor: editor, id: issue.id, now: NOW });
    expect(result).toMatchObject({ ok: false, blockers: [{ title: 'Under embargo', reasons: [expect.stringMatching(/^It is embargoed until /)] }] });
    expect(issueRow(issue.id).status).toBe('planning');
  });

  it('leaves articles published earlier as they were and lists them in the issue', async () => {
    const { editor, author, news, issue, first } = await issueWithArticles();
    const earlier = createIssueArticle({ owner: author, issueId: null, sectionId: news, title: 'Out before the issue', status: 'published' });
    getDb().update(articles).set({ issueId: issue.id, issuePosition: 5 }).where(eq(articles.id, earlier.id)).run();
    const before = statusOf(earlier.id);
    const revisionCount = getDb().select({ value: count() }).from(revisions).where(eq(revisions.articleId, earlier.id)).get()!.value;
    const result = publishIssue({ actor: editor, id: issue.id, now: NOW });
    expect(result.ok && result.articleIds).toEqual(expect.arrayContaining([first.id, earlier.id]));
    expect(statusOf(earlier.id)).toEqual(before);
    expect(getDb().select({ value: count() }).from(revisions).where(eq(revisions.articleId, earlier.id)).get()!.value).toBe(revisionCount);
    expect(getIssueContents(issue.slug)?.sections[0]?.articles.at(-1)?.title).toBe('Out before the issue');
  });

  it('publishes without the issue email when asked, and records that no email is wanted', async () => {
    const { editor, issue } = await issueWithArticles();
    const result = publishIssue({ actor: editor, id: issue.id, isEmailWanted: false, now: NOW });
    expect(result).toMatchObject({ ok: true, isEmailQueued: false });
    expect(issueRow(issue.id)).toMatchObject({ status: 'published', isEmailWanted: false });
    expect(getDb().select().from(campaigns).where(eq(campaigns.kind, 'issue')).all()).toEqual([]);
  });

  it('is atomic: when the second article fails to publish midway, no article, snapshot, campaign, audit entry or issue row changes', async () => {
    const { editor, issue, first, second, third } = await issueWithArticles();
    const before = counts();
    const issueBefore = issueRow(issue.id);
    const sqlite = getSqlite();
    sqlite.exec(`
      CREATE TABLE publish_attempts (n INTEGER NOT NULL);
      INSERT INTO publish_attempts VALUES (0);
      CREATE TRIGGER fail_second_publication BEFORE UPDATE OF status ON articles
      WHEN NEW.status = 'published' AND OLD.status <> 'published'
      BEGIN
        UPDATE publish_attempts SET n = n + 1;
        SELECT RAISE(ABORT, 'disk trouble') WHERE (SELECT n FROM publish_attempts) >= 2;
      END;
    `);
    expect(() => publishIssue({ actor: editor, id: issue.id, now: NOW })).toThrow(/disk trouble/);
    sqlite.exec('DROP TRIGGER fail_second_publication');
    expect(sqlite.prepare('SELECT n FROM publish_attempts').get()).toEqual({ n: 0 });
    expect(counts()).toEqual(before);
    expect(issueRow(issue.id)).toEqual(issueBefore);
    expect(statusOf(first.id)).toMatchObject({ status: 'approved', publishedAt: null, publishedRevisionId: null });
    expect(statusOf(second.id).status).toBe('scheduled');
    expect(statusOf(third.id).status).toBe('approved');
    expect(getIssueContents(issue.slug)).toBeNull();

    // Once the fault is gone the same request goes through in full.
    expect(publishIssue({ actor: editor, id: issue.id, now: NOW }).ok).toBe(true);
    expect(counts().published).toBe(before.published + 3);
  });

  it('can be retried safely: a second request is refused and queues no second email', async () => {
    const { editor, issue } = await issueWithArticles();
    expect(publishIssue({ actor: editor, id: issue.id, now: NOW }).ok).toBe(true);
    const again = publishIssue({ actor: editor, id: issue.id, now: new Date(NOW.getTime() + 60_000) });
    expect(again).toEqual({ ok: false, error: 'May 2031 is already published; reload to see it.' });
    expect(issueRow(issue.id).publishedAt).toEqual(NOW);
    expect(getDb().select({ value: count() }).from(campaigns).where(eq(campaigns.kind, 'issue')).get()!.value).toBe(1);
  });

  it('refuses an empty issue', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const issue = createPlanningIssue({ title: 'Empty' });
    expect(publishIssue({ actor: editor, id: issue.id, now: NOW })).toEqual({ ok: false, error: 'Empty has no articles yet; add some before publishing it.' });
    expect(issueRow(issue.id).status).toBe('planning');
  });

  it('is for editors and admins only, and a missing issue is not found', async () => {
    const { author, issue, first } = await issueWithArticles();
    expect(() => publishIssue({ actor: author, id: issue.id, now: NOW })).toThrow(ForbiddenError);
    expect(statusOf(first.id).status).toBe('approved');
    const admin = await createTestStaff({ role: 'admin' });
    expect(() => publishIssue({ actor: admin, id: 9999, now: NOW })).toThrow(NotFoundError);
    expect(publishIssue({ actor: admin, id: issue.id, now: NOW }).ok).toBe(true);
  });
});
