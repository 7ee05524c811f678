import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { collabPresence, users } from '@/db/schema';
import { AWARENESS_TTL_MS, caretColourOf, forgetAwareness, othersHere, pruneQuietAwareness, shareAwareness } from '@/lib/collab/collab-awareness';
import { forgetCollabRooms, joinCollab } from '@/lib/collab/collab-rooms';
import { collabStream } from '@/lib/collab/collab-stream';
import { ForbiddenError } from '@/lib/staff/auth/policy';
import { createTestArticle } from '../factories/article';
import { createTestStaff } from '../factories/staff';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();
afterEach(() => {
  forgetCollabRooms();
  forgetAwareness();
});

const CARET = { anchor: { tname: 'default', assoc: -1 }, head: { tname: 'default', assoc: -1 } };

async function firstAwareness(stream: ReadableStream<Uint8Array>, matches: (others: { name: string }[]) => boolean): Promise<{ name: string; color: string; caret: unknown }[]> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error('the stream ended without the expected awareness event');
    buffer += decoder.decode(value, { stream: true });
    for (const block of buffer.split('\n\n')) {
      const data = /^event: awareness\ndata: (.*)$/m.exec(block)?.[1];
      if (!data) continue;
      const others = (JSON.parse(data) as { others: { name: string; color: string; caret: unknown }[] }).others;
      if (matches(others)) {
        await reader.cancel();
        return others;
      }
    }
  }
}

describe('carets and who is here', () => {
  it('relays a writer’s caret to the others’ streams at once, under the name and colour the server knows', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const article = createTestArticle({ status: 'draft', createdBy: author.id });
    const joined = joinCollab({ articleId: article.id, actor: author });
    const stream = collabStream({ articleId: article.id, actor: author, since: joined.seq, origin: 'author-tab', waitMs: 5_000 });
    const seen = firstAwareness(stream, (others) => others.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const startedAt = Date.now();
    const you = shareAwareness({ articleId: article.id, actor: editor, origin: 'editor-tab', caret: CARET });
    const others = await seen;
    expect(Date.now() - startedAt).toBeLessThan(200);
    expect(you?.name).toBe(editor.name);
    expect(others).toEqual([{ origin: 'editor-tab', userId: editor.id, name: editor.name, color: caretColourOf(editor.id), caret: CARET }]);
  });

  it('leaves out the caller’s own editor, forgets one that left or went quiet, and keeps a window id to its first owner', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const article = createTestArticle({ status: 'draft', createdBy: author.id });
    shareAwareness({ articleId: article.id, actor: author, origin: 'author-tab', caret: null, now: 1_000 });
    shareAwareness({ articleId: article.id, actor: editor, origin: 'editor-tab', caret: CARET, now: 1_000 });
    expect(othersHere({ articleId: article.id, origin: 'author-tab', now: 1_000 }).map((other) => other.origin)).toEqual(['editor-tab']);
    // Another account cannot take over someone's window id to move their caret.
    expect(shareAwareness({ articleId: article.id, actor: author, origin: 'editor-tab', caret: null, now: 1_000 })).toBeNull();
    expect(othersHere({ articleId: article.id, origin: 'author-tab', now: 1_000 })[0]?.userId).toBe(editor.id);
    shareAwareness({ articleId: article.id, actor: editor, origin: 'editor-tab', caret: null, leaving: true, now: 2_000 });
    expect(othersHere({ articleId: article.id, origin: 'author-tab', now: 2_000 })).toEqual([]);
    shareAwareness({ articleId: article.id, actor: editor, origin: 'editor-tab', caret: CARET, now: 3_000 });
    expect(othersHere({ articleId: article.id, origin: 'author-tab', now: 3_000 + AWARENESS_TTL_MS + 1 })).toEqual([]);
  });

  it('stops listing a writer at once when their account is turned off, without waiting for their caret to go quiet', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const article = createTestArticle({ status: 'draft', createdBy: author.id });
    shareAwareness({ articleId: article.id, actor: editor, origin: 'editor-tab', caret: CARET, now: 1_000 });
    expect(othersHere({ articleId: article.id, origin: 'author-tab', now: 2_000 }).map((other) => other.name)).toEqual([editor.name]);
    getDb().update(users).set({ isActive: false }).where(eq(users.id, editor.id)).run();
    expect(othersHere({ articleId: article.id, origin: 'author-tab', now: 2_000 })).toEqual([]);
  });

  it('has the worker drop carets that went quiet, wherever nobody shared one since', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const quiet = createTestArticle({ status: 'draft', createdBy: author.id });
    const busy = createTestArticle({ status: 'draft', createdBy: author.id });
    shareAwareness({ articleId: quiet.id, actor: editor, origin: 'left-open', caret: CARET, now: 1_000 });
    shareAwareness({ articleId: busy.id, actor: editor, origin: 'still-typing', caret: CARET, now: 1_000 + AWARENESS_TTL_MS });
    expect(pruneQuietAwareness({ now: 1_000 + AWARENESS_TTL_MS + 1 })).toBe(1);
    expect(getDb().select({ origin: collabPresence.origin }).from(collabPresence).all()).toEqual([{ origin: 'still-typing' }]);
    expect(pruneQuietAwareness({ now: 1_000 + AWARENESS_TTL_MS + 1 })).toBe(0);
  });

  it('refuses a writer the article is locked to, with the reason', async () => {
    const author = await createTestStaff({ role: 'author' });
    const article = createTestArticle({ status: 'in_review', createdBy: author.id });
    expect(() => shareAwareness({ articleId: article.id, actor: author, origin: 'author-tab', caret: CARET })).toThrow(ForbiddenError);
    expect(othersHere({ articleId: article.id, origin: 'other' })).toEqual([]);
  });
});
