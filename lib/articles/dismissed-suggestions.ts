import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleDismissedSuggestions } from '@/db/schema';
import type { StaffIdentity } from '@/lib/auth/authenticate-staff';
import { loadArticleFor } from './article-access';

const KEY_PATTERN = /^(entity:\d+|name:[^\n]{1,200})$/;

/** Suggestions an author has dismissed for one article stay dismissed for it. */
export function listDismissedSuggestions({ articleId, actor }: { articleId: number; actor: StaffIdentity }): string[] {
  loadArticleFor({ id: articleId, actor, action: 'article.view' });
  return getDb()
    .select({ key: articleDismissedSuggestions.suggestionKey })
    .from(articleDismissedSuggestions)
    .where(eq(articleDismissedSuggestions.articleId, articleId))
    .all()
    .map((row) => row.key);
}

export function dismissSuggestion({ articleId, actor, key }: { articleId: number; actor: StaffIdentity; key: unknown }): { ok: true } | { ok: false; error: string } {
  loadArticleFor({ id: articleId, actor, action: 'article.edit' });
  if (typeof key !== 'string' || !KEY_PATTERN.test(key)) return { ok: false, error: 'That is not a suggestion that can be dismissed.' };
  getDb().insert(articleDismissedSuggestions).values({ articleId, suggestionKey: key, dismissedBy: actor.id }).onConflictDoNothing().run();
  return { ok: true };
}
