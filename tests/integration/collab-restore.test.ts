import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getSqlite } from '@/db/client';
import { listRevisions } from '@/lib/articles/list-revisions';
import { restoreRevision } from '@/lib/articles/restore-revision';
import { articleJsonOf } from '@/lib/collab/article-ydoc';
import { collabChangesSince, flushCollabSaves, forgetCollabRooms, joinCollab, receiveCollabUpdate } from '@/lib/collab/collab-rooms';
import { checkCollabWriter } from '@/lib/collab/collab-writer';
import { createTestArticle } from '../factories/article';
import { createTestStaff } from '../factories/staff';
import { appendText } from '../factories/collab';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();
afterEach(() => forgetCollabRooms());


function sharedText(state: string): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(state, 'base64'));
  const json = articleJsonOf(doc);
  return json.ok ? JSON.stringify(json.doc) : json.message;
}

describe('a restore while the article is edited live', () => {
  it('reaches the shared document as an edit by the person who restored, which open editors receive', async () => {
    const author = await createTestStaff({ role: 'author' });
    const article = createTestArticle({ status: 'draft', createdBy: author.id, text: 'First words.' });
    const joined = joinCollab({ articleId: article.id, actor: author, now: 1_000 });
    expect(receiveCollabUpdate({ articleId: article.id, actor: author, update: appendText(joined.state, ' Then more.'), origin: 'tab', now: 2_000 })).toMatchObject({ ok: true });
    flushCollabSaves();
    const history = listRevisions({ articleId: article.id, actor: author });
    const first = history[history.length - 1]!;

    expect(restoreRevision({ articleId: article.id, revisionId: first.id, actor: author })).toMatchObject({ ok: true });

    const now = joinCollab({ articleId: article.id, actor: author });
    expect(sharedText(now.state)).toContain('"text":"First words. Then more."');
    expect(sharedText(now.state)).not.toContain('And the end.');
    // An editor that held the text before the restore receives it as the next update.
    const changes = collabChangesSince({ article: checkCollabWriter({ articleId: article.id, actor: author }), since: now.seq - 1 });
    expect(changes).toMatchObject({ kind: 'updates', updates: [{ seq: now.seq, origin: 'restore' }] });
    const logged = getSqlite().prepare('select user_id as userId from collab_updates where article_id = ? and origin = ?').get(article.id, 'restore') as { userId: number };
    expect(logged.userId).toBe(author.id);
  });
});
