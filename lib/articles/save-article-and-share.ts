import 'server-only';
import type { JSONContent } from '@tiptap/core';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import { asSharedDocumentHolds } from '@/lib/collab/article-ydoc';
import { hasSharedDocument, shareRestoredBody } from '@/lib/collab/collab-rooms';
import { stableJsonKey } from '@/lib/content/stable-json-key';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { saveArticle, type SaveResult } from './save-article';

/**
 * A save from outside the shared document (the versioned editor, an API client), as `saveArticle`.
 * When it changed the text of an article that has a shared document, that text reaches the shared
 * document as an edit by the saver: a live editor then opens what was saved, and its next save
 * cannot put the older shared text back over it.
 */
export function saveArticleAndShare({ id, actor, input }: { id: number; actor: StaffIdentity; input: unknown }): SaveResult {
  if (!hasSharedDocument(id)) return saveArticle({ id, actor, input });
  const bodyOf = () => getDb().select({ body: articles.body }).from(articles).where(eq(articles.id, id)).get()?.body;
  const before = bodyOf();
  // Stored as the shared document will write it back, so that reading it back is not a change that
  // files another version and makes the saver's next save, built on the version answered here, a conflict.
  const result = saveArticle({ id, actor, input: withBodyAsShared(input) });
  if (!result.ok) return result;
  const after = bodyOf();
  if (after && stableJsonKey(after) !== stableJsonKey(before)) {
    try {
      shareRestoredBody({ articleId: id, actor, body: after, origin: 'save' });
    } catch (error) {
      // The save stands; open editors keep the shared text until the next save shares it again.
      console.error(`The text saved for article ${id} could not be given to its shared document`, error);
    }
  }
  return result;
}

function withBodyAsShared(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || !('body' in input)) return input;
  const shaped = asSharedDocumentHolds(input.body);
  // A body the schema refuses goes through as sent, for `saveArticle` to name its problem.
  return shaped.ok ? { ...input, body: shaped.doc } : input;
}

/** `body` as an article with a shared document stores it (see `saveArticleAndShare`); as it is otherwise. */
export function bodyToStore({ articleId, body }: { articleId: number; body: JSONContent }): JSONContent {
  if (!hasSharedDocument(articleId)) return body;
  const shaped = asSharedDocumentHolds(body);
  return shaped.ok ? shaped.doc : body;
}
