import { describe, expect, it } from 'vitest';
import { heartbeat, leaveArticle, PRESENCE_TTL_MS } from '@/lib/articles/article-presence';
import { createArticle } from '@/lib/articles/create-article';
import { searchLinkTargets } from '@/lib/articles/search-link-targets';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { createTestArticle, createTestIssue } from '../factories/article';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

describe('presence', () => {
  it('tells each person who else has the article open, and forgets those who left or went quiet', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const created = createArticle({ actor: author, title: 'Shared' });
    if (!created.ok) throw new Error(created.error);
    const now = Date.now();
    expect(heartbeat({ articleId: created.id, actor: author, now })).toEqual([]);
    expect(heartbeat({ articleId: created.id, actor: editor, now })).toEqual([{ name: author.name }]);
    expect(heartbeat({ articleId: created.id, actor: author, now: now + 1000 })).toEqual([{ name: editor.name }]);
    expect(heartbeat({ articleId: created.id, actor: author, now: now + PRESENCE_TTL_MS + 1 })).toEqual([]);
    heartbeat({ articleId: created.id, actor: editor, now: now + PRESENCE_TTL_MS + 2 });
    leaveArticle({ articleId: created.id, actor: editor });
    expect(heartbeat({ articleId: created.id, actor: author, now: now + PRESENCE_TTL_MS + 3 })).toEqual([]);
  });

  it("does not let an author announce themselves on someone else's draft", async () => {
    const author = await createTestStaff({ role: 'author' });
    const other = await createTestStaff({ role: 'author' });
    const created = createArticle({ actor: author, title: 'Private' });
    if (!created.ok) throw new Error(created.error);
    expect(() => heartbeat({ articleId: created.id, actor: other })).toThrow(NotFoundError);
  });
});

describe('internal link targets', () => {
  it('finds issues and articles by title, with site-relative links', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const issue = createTestIssue();
    createTestArticle({ title: 'Landmine clearance in Ukraine' });
    const byIssue = searchLinkTargets({ actor: editor, query: 'Issue' });
    expect(byIssue).toContainEqual(expect.objectContaining({ kind: 'issue', href: `/issues/${issue.slug}` }));
    const byArticle = searchLinkTargets({ actor: editor, query: 'landmine' });
    expect(byArticle).toEqual([expect.objectContaining({ kind: 'article', title: 'Landmine clearance in Ukraine', href: expect.stringMatching(/^\/articles\//) })]);
  });

  it('treats % and _ as ordinary characters and ignores one-letter queries', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    createTestArticle({ title: 'Plain title' });
    expect(searchLinkTargets({ actor: editor, query: '%%' })).toEqual([]);
    expect(searchLinkTargets({ actor: editor, query: '__' })).toEqual([]);
    expect(searchLinkTargets({ actor: editor, query: 'P' })).toEqual([]);
  });
});
