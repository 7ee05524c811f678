import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users, type Page } from '@/db/schema';
import type { PageConflict } from './page-write-result';

/** Who saved the version the writer did not start from, and when. */
export function pageConflict(tx: Pick<Db, 'select'>, page: Page): PageConflict {
  const savedBy = page.updatedBy === null ? undefined : tx.select({ name: users.name }).from(users).where(eq(users.id, page.updatedBy)).get()?.name;
  return { version: page.version, savedBy: savedBy ?? 'someone', savedAt: page.updatedAt.toISOString() };
}

export function conflictSentence(conflict: PageConflict, { isPublishing = false } = {}): string {
  const since = `Someone else saved this page since you opened it (now version ${conflict.version}, by ${conflict.savedBy}).`;
  if (isPublishing) return `${since} Nothing was published: reload to see their version before publishing.`;
  return `${since} Nothing was overwritten: your text is still in the editor. Copy what you need, then reload to see theirs.`;
}
