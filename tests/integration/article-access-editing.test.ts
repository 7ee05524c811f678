import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles, issues } from '@/db/schema';
import { getArticleForEdit } from '@/lib/articles/get-article-for-edit';
import { preflightArticle } from '@/lib/articles/preflight-article';
import { saveArticle } from '@/lib/articles/save-article';
import { transitionArticle } from '@/lib/articles/transition-article';
import { addIssueArticle } from '@/lib/issues/add-issue-article';
import { prepareIssueValues } from '@/lib/issues/prepare-issue-values';
import { createTestTier } from '../factories/access';
import { saveInput } from '../factories/draft';
import { createPlanningIssue } from '../factories/issue-articles';
import { createReadyArticle } from '../factories/ready-article';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

const accessOf = (id: number) => getDb().select({ access: articles.access, tierIds: articles.accessTierIds, published: articles.publishedAccess, publishedTiers: articles.publishedAccessTierIds }).from(articles).where(eq(articles.id, id)).get()!;

describe('choosing who may read an article', () => {
  it('saves a tiers level with the working copy and shows it in preflight', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const article = createReadyArticle({ owner: editor });
    const tierId = createTestTier('Fellows');
    const result = saveArticle({ id: article.id, actor: editor, input: { ...saveInput({ articleId: article.id, actor: editor }), access: 'tiers', accessTierIds: [tierId] } });
    expect(result.ok).toBe(true);
    expect(accessOf(article.id)).toMatchObject({ access: 'tiers', tierIds: [tierId], published: 'public' });
    expect(getArticleForEdit({ id: article.id, actor: editor })).toMatchObject({ access: 'tiers', accessTierIds: [tierId] });
    const report = preflightArticle(getDb().select().from(articles).where(eq(articles.id, article.id)).get()!);
    expect(report.access).toMatch(/Chosen tiers \(Fellows\)/);
    expect(report.warnings.map((problem) => problem.code)).toContain('access-marker');
  });

  it('refuses a tiers level without a tier, or with one that does not exist, and keeps what was saved', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const article = createReadyArticle({ owner: editor });
    const empty = saveArticle({ id: article.id, actor: editor, input: { ...saveInput({ articleId: article.id, actor: editor, title: 'Changed' }), access: 'tiers', accessTierIds: [] } });
    expect(empty).toMatchObject({ ok: false, kind: 'invalid', fieldErrors: { accessTierIds: 'Choose at least one tier.' } });
    const missing = saveArticle({ id: article.id, actor: editor, input: { ...saveInput({ articleId: article.id, actor: editor }), access: 'tiers', accessTierIds: [999] } });
    expect(missing).toMatchObject({ ok: false, error: 'One of the chosen tiers no longer exists; choose again.' });
    expect(accessOf(article.id).access).toBe('public');
    expect(getDb().select({ title: articles.title }).from(articles).where(eq(articles.id, article.id)).get()!.title).not.toBe('Changed');
  });

  it('refuses an unknown level with a sentence naming the choices', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const article = createReadyArticle({ owner: editor });
    const result = saveArticle({ id: article.id, actor: editor, input: { ...saveInput({ articleId: article.id, actor: editor }), access: 'paywall' } });
    expect(result).toMatchObject({ ok: false, error: 'Choose who may read the article: public, registered, members or chosen tiers.' });
  });

  it('copies the level to the published columns on publishing, and a later change only on republishing', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const article = createReadyArticle({ owner: editor, status: 'approved' });
    saveArticle({ id: article.id, actor: editor, input: { ...saveInput({ articleId: article.id, actor: editor }), access: 'members' } });
    expect(transitionArticle({ id: article.id, actor: editor, input: { action: 'publish' } })).toMatchObject({ ok: true });
    expect(accessOf(article.id)).toMatchObject({ access: 'members', published: 'members' });
    saveArticle({ id: article.id, actor: editor, input: { ...saveInput({ articleId: article.id, actor: editor }), access: 'public' } });
    expect(accessOf(article.id)).toMatchObject({ access: 'public', published: 'members' });
  });

  it('blocks publishing a tiers article whose tiers are all gone', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const article = createReadyArticle({ owner: editor, status: 'approved' });
    getDb().update(articles).set({ access: 'tiers', accessTierIds: [] }).where(eq(articles.id, article.id)).run();
    const result = transitionArticle({ id: article.id, actor: editor, input: { action: 'publish' } });
    expect(result.ok).toBe(false);
    expect(accessOf(article.id).published).toBe('public');
  });
});

describe('an issue’s default access and archive rule', () => {
  it('gives a new article placed in the issue its default, but not one already published', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const issue = createPlanningIssue();
    getDb().update(issues).set({ defaultAccess: 'members' }).where(eq(issues.id, issue.id)).run();
    const fresh = createReadyArticle({ owner: editor });
    expect(addIssueArticle({ actor: editor, issueId: issue.id, articleId: fresh.id })).toMatchObject({ ok: true });
    expect(accessOf(fresh.id).access).toBe('members');

    const viaEditor = createReadyArticle({ owner: editor });
    const saved = saveArticle({ id: viaEditor.id, actor: editor, input: { ...saveInput({ articleId: viaEditor.id, actor: editor }), issueId: issue.id } });
    expect(saved.ok).toBe(true);
    expect(accessOf(viaEditor.id).access).toBe('members');
  });

  it('reads the default and the archive rule from the issue form, with clear errors', () => {
    const base = { slug: '2030-01', title: 'January 2030', volume: '9', number: '1', coverMonth: '2030-01' };
    expect(prepareIssueValues(getDb(), { input: { ...base, defaultAccess: 'members', archiveFreeAfterMonths: '12' } })).toMatchObject({ ok: true, values: { defaultAccess: 'members', archiveFreeAfterMonths: 12 } });
    expect(prepareIssueValues(getDb(), { input: { ...base, defaultAccess: '', archiveFreeAfterMonths: '' } })).toMatchObject({ ok: true, values: { defaultAccess: null, archiveFreeAfterMonths: null } });
    expect(prepareIssueValues(getDb(), { input: { ...base, archiveFreeAfterMonths: 'a year' } })).toMatchObject({ ok: false, fieldErrors: { archiveFreeAfterMonths: expect.stringMatching(/whole number/) } });
    expect(prepareIssueValues(getDb(), { input: { ...base, defaultAccess: 'everyone' } })).toMatchObject({ ok: false, fieldErrors: { defaultAccess: expect.stringMatching(/Choose public, registered or members/) } });
  });
});
