import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import { shareRestoredBody } from '@/lib/collab/collab-rooms';
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
  const bodyOf = () => getDb().select({ body: articles.body }).from(articles).where(eq(articles.id, id)).get()?.body;
  const before = bodyOf();
  const result = saveArticle({ id, actor, input });
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
