import 'server-only';
import { count, desc } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, issues, type IssueStatus } from '@/db/schema';
import type { StaffIdentity } from '@/lib/staff/auth/authenticate-staff';
import { assertCan } from '@/lib/staff/auth/policy';

export type DeskIssueRow = {
  id: number;
  slug: string;
  title: string;
  volume: number;
  number: number;
  coverDate: string;
  plannedPublicationDate: string | null;
  status: IssueStatus;
  articleCount: number;
};

/** Every issue for the desk, newest cover first, with how many articles each holds. */
export function listDeskIssues({ actor }: { actor: StaffIdentity }): DeskIssueRow[] {
  assertCan({ role: actor.role, action: 'issue.manage' });
  const db = getDb();
  const counts = new Map(
    db
      .select({ issueId: articles.issueId, value: count() })
      .from(articles)
      .groupBy(articles.issueId)
      .all()
      .map((row) => [row.issueId, row.value]),
  );
  return db
    .select({
      id: issues.id,
      slug: issues.slug,
      title: issues.title,
      volume: issues.volume,
      number: issues.number,
      coverDate: issues.coverDate,
      plannedPublicationDate: issues.plannedPublicationDate,
      status: issues.status,
    })
    .from(issues)
    .orderBy(desc(issues.coverDate), desc(issues.volume), desc(issues.number))
    .all()
    .map((issue) => ({ ...issue, articleCount: counts.get(issue.id) ?? 0 }));
}
