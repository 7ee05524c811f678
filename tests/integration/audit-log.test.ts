import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { recordAudit } from '@/lib/staff/audit/record-audit';
import { listArticleAuditEntries } from '@/lib/staff/audit/list-article-audit-entries';
import { listAuditEntries } from '@/lib/staff/audit/list-audit-entries';
import { listAuditFacets } from '@/lib/staff/audit/list-audit-facets';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { createTestArticle } from '../factories/article';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

function audit(entry: Parameters<typeof recordAudit>[1]): void {
  recordAudit(getDb(), entry);
}

describe('the site-wide audit log', () => {
  it('lists entries newest first with the actor’s name and the subject’s current title', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const article = createTestArticle({ title: 'Treaty at Fifty', status: 'draft' });
    audit({ actorId: editor.id, action: 'article.submit', subjectType: 'article', subjectId: article.id, note: 'Ready' });
    audit({ actorId: null, action: 'article.publish', subjectType: 'article', subjectId: article.id });
    const { entries, nextBefore } = listAuditEntries({ actor: editor, limit: 10 });
    expect(entries.map((entry) => [entry.action, entry.actorName, entry.subjectLabel, entry.note])).toEqual([
      ['article.publish', null, 'Treaty at Fifty', ''],
      ['article.submit', editor.name, 'Treaty at Fifty', 'Ready'],
    ]);
    expect(entries[0]!.createdAt).toBeInstanceOf(Date);
    expect(nextBefore).toBeNull();
  });

  it('filters by subject, action and actor', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    const editor = await createTestStaff({ role: 'editor' });
    audit({ actorId: admin.id, action: 'user.role', subjectType: 'user', subjectId: editor.id });
    audit({ actorId: editor.id, action: 'entity.create', subjectType: 'entity', subjectId: 7 });
    audit({ actorId: editor.id, action: 'entity.create', subjectType: 'entity', subjectId: 8 });
    audit({ actorId: admin.id, action: 'entity.alias.add', subjectType: 'entity', subjectId: 8 });

    const actionsOf = (filters: Parameters<typeof listAuditEntries>[0]) => listAuditEntries(filters).entries.map((entry) => `${entry.action}#${entry.subjectId}`);
    expect(actionsOf({ actor: admin, subjectType: 'entity', subjectId: 8 })).toEqual(['entity.alias.add#8', 'entity.create#8']);
    expect(actionsOf({ actor: admin, action: 'entity.create' })).toEqual(['entity.create#8', 'entity.create#7']);
    expect(actionsOf({ actor: admin, actorId: admin.id })).toEqual(['entity.alias.add#8', `user.role#${editor.id}`]);
    expect(actionsOf({ actor: admin, subjectType: 'user' })).toEqual([`user.role#${editor.id}`]);
    expect(listAuditEntries({ actor: admin, subjectType: 'user' }).entries[0]!.subjectLabel).toBe(editor.name);
  });

  it('pages through everything once, without gaps or repeats', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    for (let index = 1; index <= 7; index++) audit({ actorId: editor.id, action: 'media.update', subjectType: 'media', subjectId: index });
    const seen: number[] = [];
    let before: number | null = null;
    let pages = 0;
    do {
      const page = listAuditEntries({ actor: editor, before, limit: 3 });
      seen.push(...page.entries.map((entry) => entry.subjectId!));
      before = page.nextBefore;
      pages += 1;
    } while (before !== null && pages < 10);
    expect(seen).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(pages).toBe(3);
  });

  it('offers the actions, subject kinds and people that appear in it', async () => {
    const admin = await createTestStaff({ role: 'admin' });
    audit({ actorId: admin.id, action: 'settings.update', subjectType: 'settings' });
    audit({ actorId: null, action: 'article.schedule_failed', subjectType: 'article', subjectId: 1 });
    expect(listAuditFacets({ actor: admin })).toEqual({
      actions: ['article.schedule_failed', 'settings.update'],
      subjectTypes: ['article', 'settings'],
      actors: [{ id: admin.id, name: admin.name }],
    });
  });

  it('is closed to authors', async () => {
    const author = await createTestStaff({ role: 'author' });
    expect(() => listAuditEntries({ actor: author })).toThrow(ForbiddenError);
    expect(() => listAuditFacets({ actor: author })).toThrow(ForbiddenError);
  });
});

describe('one article’s audit log', () => {
  it('shows only that article’s entries, to editors and to the article’s own author', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const author = await createTestStaff({ role: 'author' });
    const own = createTestArticle({ title: 'Own Piece', status: 'in_review', authorContributorIds: [author.contributorId] });
    const other = createTestArticle({ title: 'Other Piece', status: 'draft' });
    audit({ actorId: author.id, action: 'article.submit', subjectType: 'article', subjectId: own.id });
    audit({ actorId: editor.id, action: 'article.request_changes', subjectType: 'article', subjectId: own.id, note: 'Cite the source' });
    audit({ actorId: editor.id, action: 'article.submit', subjectType: 'article', subjectId: other.id });

    const forAuthor = listArticleAuditEntries({ actor: author, articleId: own.id });
    expect(forAuthor.articleTitle).toBe('Own Piece');
    expect(forAuthor.entries.map((entry) => [entry.action, entry.actorName, entry.note])).toEqual([
      ['article.request_changes', editor.name, 'Cite the source'],
      ['article.submit', author.name, ''],
    ]);
    expect(listArticleAuditEntries({ actor: editor, articleId: other.id }).entries).toHaveLength(1);
  });

  it('hides another author’s article and one that does not exist', async () => {
    const author = await createTestStaff({ role: 'author' });
    const other = createTestArticle({ title: 'Not Yours', status: 'draft' });
    expect(() => listArticleAuditEntries({ actor: author, articleId: other.id })).toThrow(NotFoundError);
    expect(() => listArticleAuditEntries({ actor: author, articleId: 424242 })).toThrow(NotFoundError);
  });
});
