import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles, auditLog, previewLinks } from '@/db/schema';
import { createPreviewLink, listPreviewLinks, resolvePreviewToken, revokePreviewLink } from '@/lib/articles/preview-links';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { getConfig } from '@/lib/platform/config/get-config';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { createTestArticle } from '../factories/article';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

const EMBARGO = new Date('2030-01-15T06:00:00Z');

function embargoedDraft({ title = 'Embargoed report' } = {}) {
  const article = createTestArticle({ title, text: 'Findings under embargo.', status: 'approved' });
  getDb().update(articles).set({ embargoedUntil: EMBARGO }).where(eq(articles.id, article.id)).run();
  return article;
}

function tokenOf(url: string): string {
  return url.split('/preview/')[1]!;
}

function created(result: ReturnType<typeof createPreviewLink>) {
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('making a preview link', () => {
  it('gives an editor a one-time address on the site and stores only the token’s SHA-256', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const article = embargoedDraft();
    const before = Date.now();
    const link = created(createPreviewLink({ articleId: article.id, actor: editor, label: 'Reuters desk' }));

    expect(link.url.startsWith(`${getConfig().siteUrl}/preview/`)).toBe(true);
    expect(tokenOf(link.url)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const hours = (link.expiresAt.getTime() - before) / 3_600_000;
    expect(hours).toBeGreaterThan(71.99);
    expect(hours).toBeLessThan(72.01);
    const row = getDb().select().from(previewLinks).where(eq(previewLinks.id, link.id)).get()!;
    const token = tokenOf(link.url);
    expect(row.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row).toMatchObject({ articleId: article.id, label: 'Reuters desk', createdBy: editor.id, revokedAt: null });

    const audit = getDb().select().from(auditLog).where(eq(auditLog.action, 'article.preview_link.create')).all();
    expect(audit).toMatchObject([{ actorId: editor.id, subjectType: 'article', subjectId: article.id }]);
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it('refuses lifetimes outside 1 to 720 hours, and an article that is already published', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const article = embargoedDraft();
    expect(createPreviewLink({ articleId: article.id, actor: editor, expiresInHours: 0 })).toMatchObject({ ok: false, fieldErrors: { expiresInHours: expect.any(String) } });
    expect(createPreviewLink({ articleId: article.id, actor: editor, expiresInHours: 721 })).toMatchObject({ ok: false, error: expect.stringContaining('720 hours') });
    const published = createTestArticle();
    expect(createPreviewLink({ articleId: published.id, actor: editor })).toEqual({ ok: false, error: expect.stringContaining('already published') });
    expect(getDb().select().from(previewLinks).all()).toEqual([]);
  });

  it('is for editors and admins: an author of the article is refused, and nothing is written', async () => {
    const author = await createTestStaff({ role: 'author' });
    const admin = await createTestStaff({ role: 'admin' });
    const article = createTestArticle({ status: 'approved', authorContributorIds: [author.contributorId] });
    expect(() => createPreviewLink({ articleId: article.id, actor: author })).toThrow(ForbiddenError);
    expect(() => listPreviewLinks({ articleId: article.id, actor: author })).toThrow(ForbiddenError);
    expect(getDb().select().from(previewLinks).all()).toEqual([]);
    expect(getDb().select().from(auditLog).all()).toEqual([]);
    expect(createPreviewLink({ articleId: article.id, actor: admin, expiresInHours: 1 })).toMatchObject({ ok: true });
  });

  it('hides another author’s article from an author entirely, and a missing article is not found', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const theirs = createTestArticle({ status: 'draft' });
    expect(() => createPreviewLink({ articleId: theirs.id, actor: author })).toThrow(NotFoundError);
    expect(() => createPreviewLink({ articleId: 9999, actor: editor })).toThrow(NotFoundError);
  });
});

describe('opening a preview link', () => {
  it('shows the current working copy with its embargo, and changes nothing', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const article = embargoedDraft();
    const link = created(createPreviewLink({ articleId: article.id, actor: editor }));
    getDb().update(articles).set({ title: 'Retitled since the link was made' }).where(eq(articles.id, article.id)).run();
    const before = getDb().select().from(articles).where(eq(articles.id, article.id)).get();

    const preview = resolvePreviewToken(tokenOf(link.url));
    expect(preview).toMatchObject({ title: 'Retitled since the link was made', embargoedUntil: EMBARGO, expiresAt: link.expiresAt, publishedAt: null });
    expect(preview?.html).toContain('Findings under embargo.');
    expect(getDb().select().from(articles).where(eq(articles.id, article.id)).get()).toEqual(before);
  });

  it('opens nothing for a made-up, malformed or expired token', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const article = embargoedDraft();
    const link = created(createPreviewLink({ articleId: article.id, actor: editor, expiresInHours: 1 }));
    expect(resolvePreviewToken('A'.repeat(43))).toBeNull();
    expect(resolvePreviewToken('not a token')).toBeNull();
    expect(resolvePreviewToken(tokenOf(link.url).slice(0, 42))).toBeNull();
    getDb().update(previewLinks).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(previewLinks.id, link.id)).run();
    expect(resolvePreviewToken(tokenOf(link.url))).toBeNull();
  });

  it('opens nothing once the article is published: its public page is the place then', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const article = embargoedDraft();
    const link = created(createPreviewLink({ articleId: article.id, actor: editor }));
    getDb().update(articles).set({ status: 'published' }).where(eq(articles.id, article.id)).run();
    expect(resolvePreviewToken(tokenOf(link.url))).toBeNull();
  });
});

describe('revoking a preview link', () => {
  it('stops it at once, lists it as revoked, records it once, and a second revoke changes nothing', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const article = embargoedDraft();
    const kept = created(createPreviewLink({ articleId: article.id, actor: editor, label: 'Kept' }));
    const revoked = created(createPreviewLink({ articleId: article.id, actor: editor, label: 'Revoked' }));

    const first = revokePreviewLink({ id: revoked.id, actor: editor });
    expect(resolvePreviewToken(tokenOf(revoked.url))).toBeNull();
    expect(resolvePreviewToken(tokenOf(kept.url))).not.toBeNull();
    expect(listPreviewLinks({ articleId: article.id, actor: editor })).toMatchObject([
      { id: revoked.id, label: 'Revoked', isActive: false, revokedAt: first.revokedAt, createdBy: editor.name },
      { id: kept.id, label: 'Kept', isActive: true, revokedAt: null },
    ]);

    expect(revokePreviewLink({ id: revoked.id, actor: editor })).toEqual(first);
    expect(getDb().select().from(auditLog).where(eq(auditLog.action, 'article.preview_link.revoke')).all()).toMatchObject([
      { actorId: editor.id, subjectType: 'article', subjectId: article.id },
    ]);
  });

  it('is refused to an author, and a missing link is not found', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const article = createTestArticle({ status: 'approved', authorContributorIds: [author.contributorId] });
    const link = created(createPreviewLink({ articleId: article.id, actor: editor }));
    expect(() => revokePreviewLink({ id: link.id, actor: author })).toThrow(ForbiddenError);
    expect(getDb().select().from(previewLinks).where(eq(previewLinks.id, link.id)).get()?.revokedAt).toBeNull();
    expect(() => revokePreviewLink({ id: 9999, actor: editor })).toThrow(NotFoundError);
  });
});
