import 'server-only';
import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, sections, type ArticleStatus } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';

export type IssueCandidate = { id: number; title: string; status: ArticleStatus; sectionName: string | null };

const LIMIT = 20;

/** Articles in no issue (withdrawn ones aside) whose title holds the words typed, most recently changed first. */
export function searchArticlesForIssue({ actor, query }: { actor: StaffIdentity; query: string }): IssueCandidate[] {
  assertCan({ role: actor.role, action: 'issue.manage' });
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  const matches = words.map((word) => sql`lower(${articles.title}) LIKE ${`%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`} ESCAPE '\\'`);
  return getDb()
    .select({ id: articles.id, title: articles.title, status: articles.status, sectionName: sections.name })
    .from(articles)
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(isNull(articles.issueId), ne(articles.status, 'unpublished'), ...matches))
    .orderBy(desc(articles.updatedAt), desc(articles.id))
    .limit(LIMIT)
    .all()
    .map((row) => ({ ...row, title: row.title.trim() || 'Untitled' }));
}
