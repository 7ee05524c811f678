import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { articles, users } from '@/db/schema';
import { forgetCollabRooms, joinCollab, receiveCollabUpdate } from '@/lib/collab/collab-rooms';
import { ACCESS_ENDED, collabStream } from '@/lib/collab/collab-stream';
import { createTestArticle } from '../factories/article';
import { createTestStaff } from '../factories/staff';
import { appendText } from '../factories/collab';
import { withTempDatabase } from '../factories/temp-database';

withTempDatabase();
afterEach(() => forgetCollabRooms());

/** Reads the stream's events until `until` says stop or the stream ends. */
async function readEvents(stream: ReadableStream<Uint8Array>, until: (events: { event: string; data: Record<string, unknown> }[]) => boolean) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const events: { event: string; data: Record<string, unknown> }[] = [];
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    const blocks = buffer.split('\n\n');
    buffer = blocks.pop() ?? '';
    for (const block of blocks) {
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event && data) events.push({ event, data: JSON.parse(data) as Record<string, unknown> });
    }
    if (until(events)) {
      await reader.cancel();
      break;
    }
  }
  return events;
}


describe('the stream of a shared document', () => {
  it('carries another writer’s update at once and leaves out the listener’s own', async () => {
    const author = await createTestStaff({ role: 'author' });
    const editor = await createTestStaff({ role: 'editor' });
    const article = createTestArticle({ status: 'draft', createdBy: author.id, text: 'Start.' });
    const joined = joinCollab({ articleId: article.id, actor: author });
    const stream = collabStream({ articleId: article.id, actor: author, since: joined.seq, origin: 'author-tab', waitMs: 5_000 });
    const reading = readEvents(stream, (events) => events.some((event) => event.event === 'update'));
    receiveCollabUpdate({ articleId: article.id, actor: author, update: appendText(joined.state, ' mine'), origin: 'author-tab' });
    const sent = appendText(joinCollab({ articleId: article.id, actor: editor }).state, ' theirs');
    const startedAt = Date.now();
    receiveCollabUpdate({ articleId: article.id, actor: editor, update: sent, origin: 'editor-tab' });
    const events = await reading;
    expect(Date.now() - startedAt).toBeLessThan(200);
    expect(events.filter((event) => event.event === 'update')).toEqual([{ event: 'update', data: { seq: 2, update: Buffer.from(sent).toString('base64') } }]);
  });

  it('closes with the reason as soon as the writer’s account is turned off', async () => {
    const author = await createTestStaff({ role: 'author' });
    const article = createTestArticle({ status: 'draft', createdBy: author.id });
    joinCollab({ articleId: article.id, actor: author });
    const reading = readEvents(collabStream({ articleId: article.id, actor: author, since: 0, origin: 'tab', waitMs: 5_000 }), () => false);
    await new Promise((resolve) => setTimeout(resolve, 50));
    getDb().update(users).set({ isActive: false }).where(eq(users.id, author.id)).run();
    const events = await reading;
    expect(events.at(-1)).toEqual({ event: 'closed', data: { error: ACCESS_ENDED } });
  });

  it('closes with the reason when the article is locked to the writer', async () => {
    const author = await createTestStaff({ role: 'author' });
    const article = createTestArticle({ status: 'draft', createdBy: author.id });
    joinCollab({ articleId: article.id, actor: author });
    const reading = readEvents(collabStream({ articleId: article.id, actor: author, since: 0, origin: 'tab', waitMs: 5_000 }), () => false);
    getDb().update(articles).set({ status: 'in_review' }).where(eq(articles.id, article.id)).run();
    const events = await reading;
    expect(events.at(-1)?.event).toBe('closed');
    expect(events.at(-1)?.data.error).toMatch(/with the editors for review/);
  });
});
