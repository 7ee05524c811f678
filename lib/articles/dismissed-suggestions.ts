import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleDismissedSuggestions } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
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
  return dismissSuggestions({ articleId, actor, keys: [key] });
}

const MAX_KEYS_AT_ONCE = 200;

/** Dismisses several suggestions at once ("reject all"): all are kept, or none when any key is not a suggestion. */
export function dismissSuggestions({ articleId, actor, keys }: { articleId: number; actor: StaffIdentity; keys: unknown }): { ok: true } | { ok: false; error: string } {
  loadArticleFor({ id: articleId, actor, action: 'article.edit' });
  if (!Array.isArray(keys) || keys.length === 0 || keys.length > MAX_KEYS_AT_ONCE) return { ok: false, error: `Send between 1 and ${MAX_KEYS_AT_ONCE} suggestions to dismiss.` };
  if (!keys.every((key) => typeof key === 'string' && KEY_PATTERN.test(key))) return { ok: false, error: 'That is not a suggestion that can be dismissed.' };
  getDb().transaction((tx) => {
    for (const key of new Set(keys as string[])) tx.insert(articleDismissedSuggestions).values({ articleId, suggestionKey: key, dismissedBy: actor.id }).onConflictDoNothing().run();
  });
  return { ok: true };
}
