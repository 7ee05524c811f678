import 'server-only';
import { and, eq, gt, ne } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articlePresence, users } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { loadArticleFor } from './article-access';

export const PRESENCE_TTL_MS = 45_000;

/** Records that the actor has the article open, and says who else does. A heartbeat, never a lock. */
export function heartbeat({ articleId, actor, now = Date.now() }: { articleId: number; actor: StaffIdentity; now?: number }): { name: string }[] {
  loadArticleFor({ id: articleId, actor, action: 'article.view' });
  const db = getDb();
  db.insert(articlePresence)
    .values({ articleId, userId: actor.id, lastSeenAt: now })
    .onConflictDoUpdate({ target: [articlePresence.articleId, articlePresence.userId], set: { lastSeenAt: now } })
    .run();
  return db
    .select({ name: users.name })
    .from(articlePresence)
    .innerJoin(users, eq(users.id, articlePresence.userId))
    .where(and(eq(articlePresence.articleId, articleId), ne(articlePresence.userId, actor.id), gt(articlePresence.lastSeenAt, now - PRESENCE_TTL_MS)))
    .all();
}

export function leaveArticle({ articleId, actor }: { articleId: number; actor: StaffIdentity }): void {
  loadArticleFor({ id: articleId, actor, action: 'article.view' });
  getDb()
    .delete(articlePresence)
    .where(and(eq(articlePresence.articleId, articleId), eq(articlePresence.userId, actor.id)))
    .run();
}
