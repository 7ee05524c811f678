import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articleAuthors, auditLog, contributors, publishedArticleAuthors } from '@/db/schema';
import { publishedBylinesFor } from '@/lib/articles/article-bylines';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { findPublicAuthor } from '@/lib/site/authors/find-public-author';
import { listSitemapEntries } from '@/lib/site/feeds/list-sitemap-entries';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { addGuestContributor } from '@/lib/staff/users/add-guest-contributor';
import { approveGuestContributor } from '@/lib/staff/users/approve-guest-contributor';
import { deleteGuestContributor } from '@/lib/staff/users/delete-guest-contributor';
import { listGuestContributors } from '@/lib/staff/users/list-guest-contributors';
import { mergeGuestContributor } from '@/lib/staff/users/merge-guest-contributor';
import { REVIEW_REFUSAL } from '@/lib/staff/users/can-review-contributors';
import { createTestArticle } from '../factories/article';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

function contributorRow(id: number) {
  return getDb().select().from(contributors).where(eq(contributors.id, id)).get();
}

function addedGuest(actor: Awaited<ReturnType<typeof createTestStaff>>, name: string, affiliation = ''): number {
  const result = addGuestContributor({ actor, input: { name, affiliation } });
  if (!result.ok) throw new Error(result.error);
  return result.contributor.id;
}

function bylineIds(table: typeof articleAuthors | typeof publishedArticleAuthors, articleId: number): number[] {
  return getDb()
    .select({ id: table.contributorId })
    .from(table)
    .where(eq(table.articleId, articleId))
    .orderBy(asc(table.position))
    .all()
    .map((row) => row.id);
}

describe('adding a guest from the byline', () => {
  it('an author adds a guest who waits for review, with who added them and when', async () => {
    const author = await createTestStaff({ role: 'author' });
    const before = Date.now() - 1000;
    const result = addGuestContributor({ actor: author, input: { name: '  Kelsey Davenport ', affiliation: 'Arms Control Association' } });
    expect(result).toMatchObject({ ok: true, contributor: { name: 'Kelsey Davenport', isStaff: false, isPending: true } });
    if (!result.ok) return;
    const row = contributorRow(result.contributor.id)!;
    expect(row).toMatchObject({ name: 'Kelsey Davenport', affiliation: 'Arms Control Association', slug: 'kelsey-davenport', reviewStatus: 'pending', addedBy: author.id, userId: null });
    expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before);
    const [entry] = getDb().select().from(auditLog).where(eq(auditLog.subjectType, 'contributor')).all();
    expect(entry).toMatchObject({ actorId: author.id, action: 'contributor.add-guest', subjectId: row.id, note: 'Kelsey Davenport' });
  });

  it('explains a missing, too short or too long name and a long affiliation, and saves nothing', async () => {
    const author = await createTestStaff({ role: 'author' });
    expect(addGuestContributor({ actor: author, input: { name: '   ' } })).toMatchObject({ ok: false, fieldErrors: { name: 'Enter the guest’s name.' } });
    expect(addGuestContributor({ actor: author, input: { name: 'K' } })).toMatchObject({ ok: false, fieldErrors: { name: 'Enter the full name, at least 2 characters.' } });
    expect(addGuestContributor({ actor: author, input: { name: 'K'.repeat(121) } })).toMatchObject({ ok: false, fieldErrors: { name: 'Keep the name under 120 characters.' } });
    expect(addGuestContributor({ actor: author, input: { name: 'Kelsey Davenport', affiliation: 'A'.repeat(161) } })).toMatchObject({
      ok: false,
      fieldErrors: { affiliation: 'Keep the affiliation under 160 characters.' },
    });
    expect(getDb().select().from(contributors).where(eq(contributors.reviewStatus, 'pending')).all()).toEqual([]);
  });

  it('offers the existing contributor instead of a twin, whatever the case or accents', async () => {
    const author = await createTestStaff({ role: 'author' });
    const existing = addedGuest(author, 'Władysław Kowalski');
    const twin = addGuestContributor({ actor: author, input: { name: 'wladyslaw  KOWALSKI' } });
    expect(twin).toEqual({
      ok: false,
      error: 'Władysław Kowalski is already a contributor; add them to the byline instead.',
      fieldErrors: { name: 'Władysław Kowalski is already a contributor.' },
      existing: { id: existing, name: 'Władysław Kowalski', isStaff: false, isPending: true },
    });
    expect(getDb().select().from(contributors).where(eq(contributors.slug, 'wladyslaw-kowalski-2')).get()).toBeUndefined();
    // A staff member's byline counts too.
    expect(addGuestContributor({ actor: author, input: { name: author.name } })).toMatchObject({ ok: false, existing: { id: author.contributorId, isStaff: true } });
    expect(addGuestContributor({ actor: author, input: { name: 'Władysław Kowalski Jr.' } })).toMatchObject({ ok: true });
  });
});

describe('reviewing a guest', () => {
  it('an editor approves, fixing name, affiliation and slug; the list shows guests awaiting review first', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const reviewed = addedGuest(editor, 'Aaron Approved');
    approveGuestContributor({ actor: editor, id: reviewed, input: { name: 'Aaron Approved', affiliation: '', slug: '' } });
    const pending = addedGuest(author, 'Zoe Pendng', 'Stimson');

    expect(listGuestContributors({ actor: editor }).map((row) => [row.name, row.isPending, row.addedByName])).toEqual([
      ['Zoe Pendng', true, author.name],
      ['Aaron Approved', false, editor.name],
    ]);

    const result = approveGuestContributor({ actor: editor, id: pending, input: { name: 'Zoe Pending', affiliation: 'Stimson Center', slug: 'zoe-pending' } });
    expect(result).toEqual({ ok: true, name: 'Zoe Pending', slug: 'zoe-pending' });
    expect(contributorRow(pending)).toMatchObject({ name: 'Zoe Pending', affiliation: 'Stimson Center', slug: 'zoe-pending', reviewStatus: 'approved', addedBy: author.id });
    const actions = getDb().select().from(auditLog).where(eq(auditLog.subjectId, pending)).all().map((entry) => entry.action);
    expect(actions).toEqual(['contributor.add-guest', 'contributor.approve']);
  });

  it('refuses a slug another contributor has, and keeps the guest waiting', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const guest = addedGuest(editor, 'Slug Clash');
    const staffSlug = contributorRow(editor.contributorId)!.slug;
    expect(approveGuestContributor({ actor: editor, id: guest, input: { name: 'Slug Clash', affiliation: '', slug: staffSlug } })).toMatchObject({
      ok: false,
      fieldErrors: { slug: 'Another contributor already has that slug; choose another.' },
    });
    expect(contributorRow(guest)!.reviewStatus).toBe('pending');
  });

  it('an author may add a guest but not approve, merge or delete one', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const guest = addedGuest(author, 'Guest Waiting');
    expect(() => approveGuestContributor({ actor: author, id: guest, input: { name: 'Guest Waiting' } })).toThrow(new ForbiddenError(REVIEW_REFUSAL));
    expect(() => mergeGuestContributor({ actor: author, sourceId: guest, targetId: editor.contributorId })).toThrow(new ForbiddenError(REVIEW_REFUSAL));
    expect(() => deleteGuestContributor({ actor: author, id: guest })).toThrow(new ForbiddenError(REVIEW_REFUSAL));
    expect(contributorRow(guest)!.reviewStatus).toBe('pending');
    expect(approveGuestContributor({ actor: editor, id: guest, input: { name: 'Guest Waiting' } })).toMatchObject({ ok: true });
  });

  it('leaves staff bylines alone', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const author = await createTestStaff({ role: 'author' });
    expect(() => approveGuestContributor({ actor: editor, id: author.contributorId, input: { name: 'Renamed' } })).toThrow(NotFoundError);
    expect(() => deleteGuestContributor({ actor: editor, id: author.contributorId })).toThrow(NotFoundError);
  });
});

describe('merging a guest into an existing contributor', () => {
  it('moves working and published bylines over, keeps byline order, drops a double and removes the guest', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const guest = addedGuest(author, 'Daryl Kimbal');
    const survivor = addedGuest(editor, 'Daryl Kimball');
    const alone = createTestArticle({ authorContributorIds: [author.contributorId, guest] });
    const both = createTestArticle({ authorContributorIds: [guest, survivor] });

    const result = mergeGuestContributor({ actor: editor, sourceId: guest, targetId: survivor });
    expect(result).toMatchObject({ ok: true, targetName: 'Daryl Kimball', movedArticleCount: 2 });
    expect(bylineIds(articleAuthors, alone.id)).toEqual([author.contributorId, survivor]);
    expect(bylineIds(publishedArticleAuthors, alone.id)).toEqual([author.contributorId, survivor]);
    expect(bylineIds(articleAuthors, both.id)).toEqual([survivor]);
    expect(bylineIds(publishedArticleAuthors, both.id)).toEqual([survivor]);
    expect(contributorRow(guest)).toBeUndefined();
    expect(getDb().select().from(auditLog).where(eq(auditLog.action, 'contributor.merge')).get()).toMatchObject({ subjectId: survivor, data: { mergedId: guest, mergedName: 'Daryl Kimbal' } });
  });

  it('refuses merging a guest into itself or into nobody', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const guest = addedGuest(editor, 'Only Guest');
    expect(mergeGuestContributor({ actor: editor, sourceId: guest, targetId: guest })).toEqual({ ok: false, error: 'Choose another contributor to merge into.', fieldErrors: { targetId: 'Choose another contributor to merge into.' } });
    expect(mergeGuestContributor({ actor: editor, sourceId: guest, targetId: 99_999 })).toMatchObject({ ok: false, error: 'That contributor no longer exists; reload the page.' });
    expect(contributorRow(guest)).toBeDefined();
  });
});

describe('deleting a guest', () => {
  it('is refused while an article carries the byline, and done once none does', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const used = addedGuest(editor, 'Used Guest');
    createTestArticle({ status: 'draft', authorContributorIds: [used] });
    expect(deleteGuestContributor({ actor: editor, id: used })).toEqual({ ok: false, error: 'Used Guest is in the byline of 1 article; merge them into another contributor instead.' });
    expect(contributorRow(used)).toBeDefined();

    const unused = addedGuest(editor, 'Unused Guest');
    expect(deleteGuestContributor({ actor: editor, id: unused })).toEqual({ ok: true, name: 'Unused Guest' });
    expect(contributorRow(unused)).toBeUndefined();
  });
});

describe('what readers see of a guest awaiting review', () => {
  it('the published byline keeps the name without a page; approval gives the page and the sitemap entry', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const guest = addedGuest(author, 'Pending Writer');
    const article = createTestArticle({ authorContributorIds: [guest] });

    expect(publishedBylinesFor([article.id]).get(article.id)).toEqual([{ name: 'Pending Writer', slug: 'pending-writer', hasPage: false }]);
    expect(findPublicAuthor('pending-writer')).toBeNull();
    expect(listSitemapEntries().map((entry) => entry.path)).not.toContain('/authors/pending-writer');

    approveGuestContributor({ actor: editor, id: guest, input: { name: 'Pending Writer', affiliation: '', slug: '' } });
    expect(publishedBylinesFor([article.id]).get(article.id)).toEqual([{ name: 'Pending Writer', slug: 'pending-writer', hasPage: true }]);
    expect(findPublicAuthor('pending-writer')).toMatchObject({ id: guest, name: 'Pending Writer' });
    expect(listSitemapEntries().map((entry) => entry.path)).toContain('/authors/pending-writer');
  });
});
