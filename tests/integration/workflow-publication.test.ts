import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { articleCorrections, articleNotes, articles, campaigns, notifications, outbox, publishedArticleEntities, revisions } from '@/db/schema';
import { getPublishedArticle } from '@/lib/articles/get-published-article';
import { listPublishedArticles } from '@/lib/articles/list-latest-articles';
import { publishDueArticles } from '@/lib/articles/publish-due-articles';
import { saveArticle } from '@/lib/articles/save-article';
import { setEmbargo } from '@/lib/articles/set-embargo';
import { transitionArticle } from '@/lib/articles/transition-article';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { listEntityArticles } from '@/lib/entities/list-entity-articles';
import { getEntityFeed } from '@/lib/site/feeds/get-entity-feed';
import { instantToWallTime } from '@/lib/platform/time/zoned-time';
import { saveInput } from '../factories/draft';
import { createReadyArticle, readStatus } from '../factories/ready-article';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

const wall = (instant: Date) => instantToWallTime({ instant, timeZone: 'UTC' });
const minutesFromNow = (minutes: number) => new Date(Math.ceil((Date.now() + minutes * 60_000) / 60_000) * 60_000);

function readArticle(id: number) {
  return getDb().select().from(articles).where(eq(articles.id, id)).get()!;
}

describe('review', () => {
  it('refuses to request changes without a note, and changes nothing', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const article = createReadyArticle({ owner: author, status: 'in_review' });
    const result = transitionArticle({ id: article.id, actor: editor, input: { action: 'request_changes', note: '   ' } });
    expect(result).toMatchObject({ ok: false, fieldErrors: { note: expect.any(String) } });
    expect(readStatus(article.id)).toBe('in_review');
  });

  it('refuses to submit while the checklist blocks, naming each problem', async () => {
    const author = await createTestStaff({ role: 'author' });
    const article = createReadyArticle({ owner: author });
    getDb().update(articles).set({ dek: '', sectionId: null }).where(eq(articles.id, article.id)).run();
    const result = transitionArticle({ id: article.id, actor: author, input: { action: 'submit' } });
    if (result.ok) throw new Error('submit should have been refused');
    expect(result.problems?.map((problem) => problem.code)).toEqual(['dek', 'section']);
    expect(readStatus(article.id)).toBe('draft');
  });

  it('tells the editors of a submission and the author of a change request, in the inbox and by email', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const article = createReadyArticle({ owner: author });
    expect(transitionArticle({ id: article.id, actor: author, input: { action: 'submit' } }).ok).toBe(true);
    expect(transitionArticle({ id: article.id, actor: editor, input: { action: 'request_changes', note: 'Cite the 2021 report.' } }).ok).toBe(true);
    const inbox = getDb().select().from(notifications).all();
    expect(inbox.map((row) => [row.userId, row.kind])).toEqual([
      [editor.id, 'submitted'],
      [author.id, 'changes_requested'],
    ]);
    const mail = getDb().select().from(outbox).where(eq(outbox.toAddress, author.email)).all();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toContain('Cite the 2021 report.');
    const thread = getDb().select().from(articleNotes).where(eq(articleNotes.articleId, article.id)).all();
    expect(thread).toMatchObject([{ authorId: editor.id, parentId: null, body: 'Changes requested: Cite the 2021 report.' }]);
  });

  it('lets an author edit only while the article is a draft or has changes requested', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const article = createReadyArticle({ owner: author });
    transitionArticle({ id: article.id, actor: author, input: { action: 'submit' } });
    expect(() => saveArticle({ id: article.id, actor: author, input: saveInput({ articleId: article.id, actor: editor, text: 'Sneaky edit.' }) })).toThrow(ForbiddenError);
    expect(readArticle(article.id).bodyText).not.toContain('Sneaky');
    expect(saveArticle({ id: article.id, actor: editor, input: saveInput({ articleId: article.id, actor: editor, text: 'Editor fix.' }) }).ok).toBe(true);
    transitionArticle({ id: article.id, actor: editor, input: { action: 'request_changes', note: 'Needs a source.' } });
    expect(saveArticle({ id: article.id, actor: author, input: saveInput({ articleId: article.id, actor: author, text: 'Now with a source.' }) }).ok).toBe(true);
  });
});

describe('scheduling', () => {
  it('refuses a time in the past and keeps the article approved', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const article = createReadyArticle({ owner: author, status: 'approved' });
    const result = transitionArticle({ id: article.id, actor: editor, input: { action: 'schedule', scheduledFor: wall(minutesFromNow(-5)) } });
    expect(result).toMatchObject({ ok: false, fieldErrors: { scheduledFor: expect.any(String) } });
    expect(readStatus(article.id)).toBe('approved');
  });

  it('publishes once when due, even when the time passed while the server was down', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const article = createReadyArticle({ owner: author, status: 'approved' });
    const due = minutesFromNow(2);
    expect(transitionArticle({ id: article.id, actor: editor, input: { action: 'schedule', scheduledFor: wall(due) } })).toMatchObject({ ok: true, status: 'scheduled' });
    expect(readArticle(article.id).scheduledFor?.toISOString()).toBe(due.toISOString());

    expect(publishDueArticles({ now: new Date(due.getTime() - 1000) })).toBe(0);
    expect(getPublishedArticle(article.slug)).toBeNull();

    // The server stops before the time and starts again an hour after it.
    closeDb();
    const afterRestart = new Date(due.getTime() + 3_600_000);
    expect(publishDueArticles({ now: afterRestart })).toBe(1);
    expect(publishDueArticles({ now: afterRestart })).toBe(0);
    const published = readArticle(article.id);
    expect(published.status).toBe('published');
    expect(published.scheduledFor).toBeNull();
    expect(getDb().select().from(revisions).where(and(eq(revisions.articleId, article.id), eq(revisions.reason, 'publish'))).all()).toHaveLength(1);
    expect(getPublishedArticle(article.slug)?.title).toBe(published.title);
  });

  it('returns an unscheduled article to approved', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const article = createReadyArticle({ owner: author, status: 'approved' });
    transitionArticle({ id: article.id, actor: editor, input: { action: 'schedule', scheduledFor: wall(minutesFromNow(30)) } });
    expect(transitionArticle({ id: article.id, actor: editor, input: { action: 'unschedule' } })).toMatchObject({ ok: true, status: 'approved', scheduledFor: null });
    expect(publishDueArticles({ now: minutesFromNow(60) })).toBe(0);
  });

  it('holds back a due article that no longer passes the checklist and tells the editors', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const article = createReadyArticle({ owner: author, status: 'approved' });
    transitionArticle({ id: article.id, actor: editor, input: { action: 'schedule', scheduledFor: wall(minutesFromNow(10)) } });
    getDb().update(articles).set({ title: '' }).where(eq(articles.id, article.id)).run();
    expect(publishDueArticles({ now: minutesFromNow(20) })).toBe(0);
    expect(readStatus(article.id)).toBe('approved');
    expect(getDb().select().from(notifications).where(eq(notifications.userId, editor.id)).all().at(-1)?.message).toContain('was not published');
  });
});

describe('embargo', () => {
  it('keeps an embargoed article off every public surface until the embargo lifts, then publishes it on time', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const article = createReadyArticle({ owner: author, status: 'approved' });
    const lifts = minutesFromNow(90);
    expect(setEmbargo({ id: article.id, actor: editor, input: { until: wall(lifts) } }).ok).toBe(true);

    expect(transitionArticle({ id: article.id, actor: editor, input: { action: 'publish' } })).toMatchObject({ ok: false, error: expect.stringContaining('embargoed') });
    expect(transitionArticle({ id: article.id, actor: editor, input: { action: 'schedule', scheduledFor: wall(minutesFromNow(30)) } })).toMatchObject({ ok: false });
    expect(transitionArticle({ id: article.id, actor: editor, input: { action: 'schedule', scheduledFor: wall(lifts) } }).ok).toBe(true);
    expect(publishDueArticles({ now: minutesFromNow(60) })).toBe(0);

    const isAnywherePublic = () => {
      const title = readArticle(article.id).title;
      const feed = getEntityFeed({ kind: 'treaty', slug: `ready-treaty-${article.slug.split('-').at(-1)}`, siteUrl: 'https://example.org' });
      return {
        page: getPublishedArticle(article.slug) !== null,
        latest: listPublishedArticles({ limit: 50 }).some((summary) => summary.id === article.id),
        entityPage: listEntityArticles({ entityId: article.entityId, limit: 10 }).articles.some((summary) => summary.id === article.id),
        feed: feed.status === 'found' && feed.xml.includes(title),
        snapshot: getDb().select().from(publishedArticleEntities).where(eq(publishedArticleEntities.articleId, article.id)).all().length > 0,
        readerMail: getDb().select().from(outbox).all().some((message) => !message.kind.startsWith('staff.')),
      };
    };
    expect(isAnywherePublic()).toEqual({ page: false, latest: false, entityPage: false, feed: false, snapshot: false, readerMail: false });

    expect(publishDueArticles({ now: new Date(lifts.getTime() + 1000) })).toBe(1);
    expect(isAnywherePublic()).toMatchObject({ page: true, latest: true, entityPage: true, feed: true, snapshot: true });
  });

  it('may be set only by those who may publish', async () => {
    const author = await createTestStaff({ role: 'author' });
    const article = createReadyArticle({ owner: author, status: 'draft' });
    expect(() => setEmbargo({ id: article.id, actor: author, input: { until: wall(minutesFromNow(60)) } })).toThrow(ForbiddenError);
    expect(readArticle(article.id).embargoedUntil).toBeNull();
  });
});

describe('after publication', () => {
  it('keeps edits to a published article private until an update, which may carry a dated public correction', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const article = createReadyArticle({ owner: author, status: 'approved' });
    transitionArticle({ id: article.id, actor: editor, input: { action: 'publish' } });
    const first = readArticle(article.id);

    const edit = saveArticle({ id: article.id, actor: editor, input: { ...saveInput({ articleId: article.id, actor: editor, text: 'The corrected text, at length.' }), title: 'Corrected title' } });
    expect(edit.ok).toBe(true);
    expect(getPublishedArticle(article.slug)?.title).toBe(first.title);

    const result = transitionArticle({
      id: article.id,
      actor: editor,
      input: { action: 'update', correction: { kind: 'correction', note: 'An earlier version misdated the treaty.' } },
    });
    expect(result).toMatchObject({ ok: true, status: 'published' });
    const updated = readArticle(article.id);
    expect(updated.publishedAt?.getTime()).toBe(first.publishedAt?.getTime());
    expect(updated.modifiedAt!.getTime()).toBeGreaterThanOrEqual(first.modifiedAt!.getTime());
    expect(getPublishedArticle(article.slug)?.title).toBe('Corrected title');
    const corrections = getDb().select().from(articleCorrections).where(eq(articleCorrections.articleId, article.id)).all();
    expect(corrections).toMatchObject([{ kind: 'correction', note: 'An earlier version misdated the treaty.' }]);
    const revision = getDb().select().from(revisions).where(eq(revisions.id, corrections[0]!.revisionId!)).get();
    expect(revision?.reason).toBe('correction');
    // Followers hear of the first publication only, not of the update.
    expect(getDb().select({ kind: campaigns.kind, articleId: campaigns.articleId }).from(campaigns).all()).toEqual([{ kind: 'alert', articleId: article.id }]);
  });

  it('takes an unpublished article off the public site at once', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const article = createReadyArticle({ owner: author, status: 'approved' });
    transitionArticle({ id: article.id, actor: editor, input: { action: 'publish' } });
    expect(getPublishedArticle(article.slug)).not.toBeNull();
    expect(transitionArticle({ id: article.id, actor: editor, input: { action: 'unpublish', note: 'Legal review.' } }).ok).toBe(true);
    expect(getPublishedArticle(article.slug)).toBeNull();
    expect(listPublishedArticles({ limit: 50 }).some((summary) => summary.id === article.id)).toBe(false);
    expect(listEntityArticles({ entityId: article.entityId, limit: 10 }).total).toBe(0);
  });
});
