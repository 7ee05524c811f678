import type { ArticleStatus } from '@/lib/articles/article-status';
import { ARTICLE_STATUS_LABELS } from '@/lib/articles/article-status-labels';

/** An article's workflow state as a small label. */
export function StatusBadge({ status }: { status: ArticleStatus }) {
  return <span className={`status status-${status}`}>{ARTICLE_STATUS_LABELS[status]}</span>;
}
