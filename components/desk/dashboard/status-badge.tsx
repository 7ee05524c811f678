import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { ArticleStatus } from '@/lib/articles/article-status';
import { ARTICLE_STATUS_LABELS } from '@/lib/articles/article-status-labels';

const TONES: Record<ArticleStatus, BadgeTone> = {
  draft: 'neutral',
  in_review: 'waiting',
  changes_requested: 'attention',
  approved: 'waiting',
  scheduled: 'attention',
  published: 'positive',
  unpublished: 'neutral',
};

/** An article's workflow state as a small label. */
export function StatusBadge({ status, 'data-testid': testId }: { status: ArticleStatus; 'data-testid'?: string }) {
  return (
    <Badge kind="status" tone={TONES[status]} data-testid={testId}>
      {ARTICLE_STATUS_LABELS[status]}
    </Badge>
  );
}
