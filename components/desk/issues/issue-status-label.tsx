import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { IssueStatus } from '@/lib/issues/issue-status';

export const ISSUE_STATUS_LABELS: Record<IssueStatus, string> = { planning: 'Planning', ready: 'Ready', published: 'Published' };

const TONES: Record<IssueStatus, BadgeTone> = { planning: 'neutral', ready: 'waiting', published: 'positive' };

/** An issue's state as a small label, styled like an article's. */
export function IssueStatusLabel({ status }: { status: IssueStatus }) {
  return <Badge kind="status" tone={TONES[status]}>{ISSUE_STATUS_LABELS[status]}</Badge>;
}
