import { describe, expect, it } from 'vitest';
import { createArticle } from '@/lib/articles/create-article';
import { searchLinkTargets } from '@/lib/articles/search-link-targets';
import { createTestArticle, createTestIssue } from '../factories/article';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

function titles(targets: { title: string }[]): string[] {
  return targets.map((target) => target.title).sort();
}

describe('the link picker lists only what the person may open', () => {
  it('shows an author published articles and their own drafts, never another author’s draft or an unpublished issue', async () => {
    const author = await createTestStaff({ role: 'author' });
    const otherAuthor = await createTestStaff({ role: 'author' });
    createTestArticle({ title: 'Treaty news published' });
    const own = createArticle({ actor: author, title: 'Treaty news, my draft' });
    const others = createArticle({ actor: otherAuthor, title: 'Treaty news, embargoed scoop' });
    if (!own.ok || !others.ok) throw new Error('could not create drafts');
    const planned = createTestIssue({ status: 'planning', coverDate: '2025-05-01' });
    const published = createTestIssue({ status: 'published', coverDate: '2025-04-01' });

    expect(titles(searchLinkTargets({ actor: author, query: 'treaty news' }))).toEqual(['Treaty news published', 'Treaty news, my draft']);
    expect(titles(searchLinkTargets({ actor: otherAuthor, query: 'treaty news' }))).toEqual(['Treaty news published', 'Treaty news, embargoed scoop']);
    expect(searchLinkTargets({ actor: author, query: planned.slug })).toEqual([]);
    expect(searchLinkTargets({ actor: author, query: published.slug }).map((target) => target.href)).toEqual([`/issues/${published.slug}`]);
  });

  it('shows an editor every article and issue, drafts and plans included', async () => {
    const editor = await createTestStaff({ role: 'editor' });
    const author = await createTestStaff({ role: 'author' });
    createTestArticle({ title: 'Treaty news published' });
    const draft = createArticle({ actor: author, title: 'Treaty news, embargoed scoop' });
    if (!draft.ok) throw new Error(draft.error);
    const planned = createTestIssue({ status: 'planning', coverDate: '2025-05-01' });

    expect(titles(searchLinkTargets({ actor: editor, query: 'treaty news' }))).toEqual(['Treaty news published', 'Treaty news, embargoed scoop']);
    expect(searchLinkTargets({ actor: editor, query: planned.slug }).map((target) => target.href)).toEqual([`/issues/${planned.slug}`]);
  });
});
