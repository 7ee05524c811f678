import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import { bylinesFor } from '@/lib/articles/article-bylines';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';
import { buildIssueContents } from './build-issue-contents';
import type { IssueContents } from './issue-contents';
import { loadIssue } from './load-issue';

/**
 * An issue as it will read once published, for the desk: every article in it from the working
 * copy (title, dek, byline, section), in the planned order. Staff who manage issues only.
 */
export function getIssuePreview({ id, actor }: { id: number; actor: StaffIdentity }): IssueContents {
  assertCan({ role: actor.role, action: 'issue.manage' });
  const db = getDb();
  const issue = loadIssue(db, id);
  const rows = db
    .select({ id: articles.id, slug: articles.slug, title: articles.title, dek: articles.dek, sectionId: articles.sectionId })
    .from(articles)
    .where(eq(articles.issueId, id))
    .orderBy(asc(articles.issuePosition), asc(articles.id))
    .all();
  const bylines = bylinesFor(rows.map((row) => row.id));
  const entries = rows.map((row) => ({ ...row, title: row.title.trim() || 'Untitled', authors: bylines.get(row.id) ?? [], href: `/desk/articles/${row.id}/preview` }));
  return buildIssueContents({ db, issue, entries });
}
