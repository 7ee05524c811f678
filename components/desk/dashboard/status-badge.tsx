import type { ArticleStatus } from '@/db/schema';

export const ARTICLE_STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
};

/** An article's workflow state as a small label. */
export function StatusBadge({ status }: { status: ArticleStatus }) {
  return <span className={`status status-${status}`}>{ARTICLE_STATUS_LABELS[status]}</span>;
}
