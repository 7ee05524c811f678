import type { IssueStatus } from '@/lib/issues/issue-status';

export const ISSUE_STATUS_LABELS: Record<IssueStatus, string> = { planning: 'Planning', ready: 'Ready', published: 'Published' };

/** An issue's state as a small label, styled like an article's. */
export function IssueStatusLabel({ status }: { status: IssueStatus }) {
  return <span className={`status status-${status}`}>{ISSUE_STATUS_LABELS[status]}</span>;
}
