import { describe, expect, it } from 'vitest';
import { createArticle } from '@/lib/articles/create-article';
import { dismissSuggestions, listDismissedSuggestions } from '@/lib/articles/dismissed-suggestions';
import { NotFoundError } from '@/lib/platform/errors/domain-errors';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();

async function draftBy(role: 'author' | 'editor' = 'author') {
  const actor = await createTestStaff({ role });
  const created = createArticle({ actor, title: 'Mine ban exits' });
  if (!created.ok) throw new Error(created.error);
  return { actor, articleId: created.id };
}

describe('rejecting every tag suggestion at once', () => {
  it('keeps every dismissed suggestion for the article, once each', async () => {
    const { actor, articleId } = await draftBy();
    expect(dismissSuggestions({ articleId, actor, keys: ['entity:3', 'entity:7', 'name:radoslaw sikorski', 'entity:3'] })).toEqual({ ok: true });
    expect(listDismissedSuggestions({ articleId, actor }).sort()).toEqual(['entity:3', 'entity:7', 'name:radoslaw sikorski']);
  });

  it('refuses the whole batch, keeping none, when one key is not a suggestion', async () => {
    const { actor, articleId } = await draftBy();
    expect(dismissSuggestions({ articleId, actor, keys: ['entity:3', 'drop table'] })).toEqual({ ok: false, error: 'That is not a suggestion that can be dismissed.' });
    expect(dismissSuggestions({ articleId, actor, keys: [] })).toEqual({ ok: false, error: 'Send between 1 and 200 suggestions to dismiss.' });
    expect(dismissSuggestions({ articleId, actor, keys: 'entity:3' })).toEqual({ ok: false, error: 'Send between 1 and 200 suggestions to dismiss.' });
    expect(listDismissedSuggestions({ articleId, actor })).toEqual([]);
  });

  it("does not let another author dismiss suggestions on someone else's draft, while an editor may", async () => {
    const { actor: owner, articleId } = await draftBy();
    const otherAuthor = await createTestStaff({ role: 'author' });
    expect(() => dismissSuggestions({ articleId, actor: otherAuthor, keys: ['entity:3'] })).toThrow(NotFoundError);
    expect(listDismissedSuggestions({ articleId, actor: owner })).toEqual([]);

    const editor = await createTestStaff({ role: 'editor' });
    expect(dismissSuggestions({ articleId, actor: editor, keys: ['entity:3'] })).toEqual({ ok: true });
    expect(listDismissedSuggestions({ articleId, actor: owner })).toEqual(['entity:3']);
  });
});
