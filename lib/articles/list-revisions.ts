import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { contributors, revisions, users, type RevisionReason } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { loadArticleFor } from './article-access';

export type RevisionSummary = {
  id: number;
  version: number;
  reason: RevisionReason;
  note: string;
  title: string;
  wordCount: number;
  authorName: string | null;
  createdAt: string;
  updatedAt: string;
};

/** An article's history, newest first. */
export function listRevisions({ articleId, actor }: { articleId: number; actor: StaffIdentity }): RevisionSummary[] {
  loadArticleFor({ id: articleId, actor, action: 'article.view' });
  return getDb()
    .select({
      id: revisions.id,
      version: revisions.version,
      reason: revisions.reason,
      note: revisions.note,
      title: revisions.title,
      wordCount: revisions.wordCount,
      userName: users.name,
      contributorName: contributors.name,
      createdAt: revisions.createdAt,
      updatedAt: revisions.updatedAt,
    })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.authorId))
    .leftJoin(contributors, eq(contributors.userId, revisions.authorId))
    .where(eq(revisions.articleId, articleId))
    .orderBy(desc(revisions.id))
    .all()
    .map((row) => ({
      id: row.id,
      version: row.version,
      reason: row.reason,
      note: row.note,
      title: row.title,
      wordCount: row.wordCount,
      authorName: row.contributorName ?? row.userName,
      createdAt: row.createdAt.toISOString(),
      updatedAt: new Date(row.updatedAt || row.createdAt.getTime()).toISOString(),
    }));
}
